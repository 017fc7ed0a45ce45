// The authorization matrix on a real PostgreSQL server.
import { afterAll, beforeAll } from 'vitest';
import { describeAuthzMatrix } from './authz.matrix.ts';
import { startTestServer } from './harness.ts';
import { type PgServer, startPgServer } from './pg-server.ts';

let pg: PgServer;
beforeAll(async () => {
  pg = await startPgServer();
});
afterAll(() => pg?.stop());

describeAuthzMatrix('PostgreSQL', async () => startTestServer({ databaseUrl: await pg.freshDatabase() }));
