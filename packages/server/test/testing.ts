// Test and benchmark helpers, exported as @anklepump/server/testing: a throw-away PostgreSQL
// server, a server in a child process, and an HTTP client with a cookie jar.
export { type Child, killed, spawnServer } from './child.ts';
export { type EmbeddedEngine, openEmbeddedStore } from './embedded-stores.ts';
export { ADMIN, Client, sessionData } from './harness.ts';
export { startPgServer } from './pg-server.ts';
export const STORE_WRITER = new URL('./store-writer.ts', import.meta.url).pathname;
