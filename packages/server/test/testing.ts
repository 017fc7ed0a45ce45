// Test and benchmark helpers, exported as @anklepump/server/testing: a throw-away PostgreSQL
// server, a server in a child process, and an HTTP client with a cookie jar.
export { killed, spawnServer, type Child } from './child.ts';
export { ADMIN, Client, sessionData } from './harness.ts';
export { freePort, type PgServer, startPgServer } from './pg-server.ts';
