// The authorization matrix on the embedded SQLite store (PostgreSQL: test/authz-pg.int.test.ts).
import { describeAuthzMatrix } from '../test/authz.matrix.ts';
import { startTestServer } from '../test/harness.ts';

describeAuthzMatrix('SQLite', () => startTestServer());
