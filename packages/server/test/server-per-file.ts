// The set-up the server's HTTP test files share: one real server over a fresh SQLite file and its
// World (admin, two clinicians, their two linked patients), started before the file's tests and
// stopped after them. Kept apart from harness.ts, which benches import outside Vitest.
import { afterAll, beforeAll } from 'vitest';
import { makeWorld, startTestServer, type TestServer, type World } from './harness.ts';

export interface ServerPerFile {
  /** The running server (its URL and hand-moved clock); available inside tests and later hooks. */
  readonly srv: TestServer;
  /** The people using it. */
  readonly w: World;
}

/** Registers the file's beforeAll/afterAll; `options` as for startTestServer. */
export function serverPerFile(options?: Parameters<typeof startTestServer>[0]): ServerPerFile {
  let srv: TestServer | undefined;
  let w: World | undefined;
  beforeAll(async () => {
    srv = await startTestServer(options);
    w = await makeWorld(srv.url);
  });
  afterAll(() => srv?.stop());
  const ready = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('serverPerFile: read srv and w inside a test or a later hook');
    return x;
  };
  return {
    get srv() {
      return ready(srv);
    },
    get w() {
      return ready(w);
    },
  };
}

/** One upload record of the sync wire format (exercise's UploadRecord), unchecked on purpose. */
export const syncRecord = (idempotencyKey: string, kind: string, data: unknown) => ({
  idempotencyKey,
  kind,
  data,
});
