// Public face of @anklepump/server: the HTTP API for clinicians and patient devices, its
// storage (SQLite or PostgreSQL) and its exports, as the CLI starts it.
export { createArgon2Hasher } from './auth/passwords.ts';
export { ensureFirstAdmin } from './bootstrap.ts';
export { ConfigError, loadConfig } from './config.ts';
export { silentLogger } from './logger.ts';
export { type RunningServer, startServer } from './start.ts';
export { openStore } from './store/open-store.ts';
export type { Store } from './store/store.ts';
