// Public face of @anklepump/server: the HTTP API for clinicians and patient devices, its
// storage (SQLite or PostgreSQL) and its exports.
export { type App, buildRouter, createApp } from './app.ts';
export { createArgon2Hasher, OWASP_ARGON2ID, type PasswordHasher } from './auth/passwords.ts';
export { ensureFirstAdmin } from './bootstrap.ts';
export { ConfigError, loadConfig, type ServerConfig } from './config.ts';
export type { Ctx, Deps, Principal } from './deps.ts';
export { type ErrorCode, HttpError } from './errors.ts';
export { patientBundle, readPatientBundle } from './export/fhir.ts';
export { createJsonLogger, type Logger, silentLogger } from './logger.ts';
export { type RunningServer, startServer } from './start.ts';
export { openStore } from './store/open-store.ts';
export type { Role, Store } from './store/store.ts';
