import { describe, expect, it } from 'vitest';
import type { ClinicApi } from './clinic-api.ts';
import { createClinicSync, type SyncRun } from './clinic-sync.ts';
import { memoryOutbox } from './outbox.ts';

function kv(initial: Record<string, unknown>) {
  const m = new Map(Object.entries(initial));
  return {
    get: async <T>(_s: string, k: string) => m.get(k) as T | undefined,
    put: async (_s: string, k: string, v: unknown) => void m.set(k, v),
  };
}

const LINK = { origin: '', deviceToken: 'tok', patientId: 'p1', displayName: 'Ana', linkedAtMs: 1 };

describe('createClinicSync', () => {
  it('an automatic run and a "send now" tap during it upload once, and both get the same report', async () => {
    let uploads = 0;
    let release: () => void = () => {};
    const api: ClinicApi = {
      redeem: async () => ({ ok: false, error: { code: 'invite_invalid', message: 'x' } }),
      prescription: async () => ({ ok: true, data: null }),
      async upload(_t, records) {
        uploads++;
        await new Promise<void>((r) => (release = r));
        return {
          ok: true,
          data: records.map((r) => ({ idempotencyKey: r.idempotencyKey, status: 'created' as const })),
        };
      },
    };
    const outbox = memoryOutbox([['session-00000001', { kind: 'session', data: { sessionId: '1' } }]]);
    const sync = createClinicSync({
      db: kv({ 'clinic-link': LINK }),
      outbox,
      apiFor: () => api,
      timeZone: 'Europe/Berlin',
      sleep: async () => {},
      random: () => 0.5,
    });
    const seen: SyncRun[] = [];
    sync.onRun((r) => seen.push(r));
    const auto = sync.run();
    const tap = sync.run();
    await new Promise((r) => setTimeout(r, 0));
    release();
    const [a, b] = await Promise.all([auto, tap]);
    expect(uploads).toBe(1);
    expect(a).toBe(b);
    expect(a?.flush).toMatchObject({ status: 'done', sent: 1, remaining: 0 });
    expect(seen).toHaveLength(1);
    expect(outbox.map.size).toBe(0);
  });

  it('does nothing while the phone is not linked', async () => {
    const sync = createClinicSync({
      db: kv({}),
      outbox: memoryOutbox(),
      apiFor: () => {
        throw new Error('no clinic should be called');
      },
      timeZone: 'UTC',
      sleep: async () => {},
      random: () => 0,
    });
    expect(await sync.run()).toBeNull();
  });
});
