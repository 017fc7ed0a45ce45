// A process that writes records one at a time and prints `ack <n>` after each commit returns,
// so a parent can SIGKILL it and check that every acknowledged record survived.
// Usage: node --import tsx store-writer.ts <sqlite|pglite> <path> [stopAfterMs]
import { type EmbeddedEngine, openEmbeddedStore } from './embedded-stores.ts';

const [engine, path, stopAfter] = process.argv.slice(2) as [EmbeddedEngine, string, string | undefined];
const store = await openEmbeddedStore(engine, path);
await store.createUser({
  id: 'writer',
  role: 'patient',
  email: null,
  displayName: 'W',
  passwordHash: null,
  createdMs: 0,
});
process.stdout.write('ready\n');
const stopAt = stopAfter ? performance.now() + Number(stopAfter) : Number.POSITIVE_INFINITY;
for (let i = 0; performance.now() < stopAt; i++) {
  await store.putRecords(
    'writer',
    [
      {
        id: `r${i}`,
        kind: 'pain',
        idempotencyKey: `w-${i}`,
        body: { level: i % 10 },
        bodyHash: `h${i}`,
        occurredMs: i,
      },
    ],
    i,
  );
  process.stdout.write(`ack ${i}\n`);
}
await store.close();
