import {
  isPainAfterAmendment,
  type SessionRecord,
  type UploadRecord,
  type UploadResult,
} from '@anklepump/exercise';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClinicApi, ClinicError, ClinicResult } from './clinic-api.ts';
import { backoffMs, flushOutbox, singleFlight } from './flush.ts';
import { memoryOutbox, outboxWrite, screeningUpload, sessionUpload } from './outbox.ts';

/** The outbox value the app writes for a session (a partial record is enough for the client). */
const session = (id: string, extra: Record<string, unknown> = {}) =>
  outboxWrite(sessionUpload({ sessionId: id, outcome: 'completed', ...extra } as unknown as SessionRecord))
    .value;

/** A fake clinic that stores by idempotency key like the real one, and can fail on cue. */
function fakeClinic(script: (ClinicError | 'ok' | 'ok-but-lost')[] = []) {
  const stored = new Map<string, string>();
  const calls: UploadRecord[][] = [];
  const api: ClinicApi = {
    redeem: async () => ({ ok: false, error: { code: 'invite_invalid', message: 'x' } }),
    prescription: async () => ({ ok: true, data: null }),
    async upload(_t, records): Promise<ClinicResult<UploadResult[]>> {
      calls.push([...records]);
      const step = script.shift() ?? 'ok';
      if (step !== 'ok' && step !== 'ok-but-lost') return { ok: false, error: step };
      const results = records.map((r): UploadResult => {
        const body = JSON.stringify(r.data);
        const had = stored.get(r.idempotencyKey);
        if (had === undefined) stored.set(r.idempotencyKey, body);
        // The one amendment the clinic takes: a session sent again with the pain after it.
        const amended = had !== undefined && had !== body && isPainAfterAmendment(JSON.parse(had), r.data);
        if (amended) stored.set(r.idempotencyKey, body);
        return {
          idempotencyKey: r.idempotencyKey,
          status:
            had === undefined ? 'created' : had === body ? 'duplicate' : amended ? 'amended' : 'conflict',
        };
      });
      // The server stored them but the answer never reached the phone.
      if (step === 'ok-but-lost')
        return { ok: false, error: { code: 'offline', message: 'connection reset' } };
      return { ok: true, data: results };
    },
  };
  return { api, stored, calls };
}

const base = { deviceToken: 'tok', timeZone: 'Europe/Berlin', random: () => 0.5 };

describe('flushOutbox', () => {
  it('sends a session again once the patient gave the pain after it, and the clinic keeps the answer', async () => {
    const outbox = memoryOutbox([['session-s9', session('s9', { painAfter: null, painMax: 2 })]]);
    const clinic = fakeClinic();
    const go = () => flushOutbox({ ...base, api: clinic.api, outbox, sleep: async () => {} });
    expect(await go()).toMatchObject({ status: 'done', sent: 1, conflicts: [] });
    // The summary's answer, after the session had left the phone (store/sessions.ts saveAmended).
    outbox.map.set('session-s9', session('s9', { painAfter: 6, painMax: 6 }));
    expect(await go()).toMatchObject({ status: 'done', sent: 1, conflicts: [], remaining: 0 });
    expect(JSON.parse(clinic.stored.get('session-s9')!).painAfter).toBe(6);
    expect(outbox.map.size).toBe(0);
  });

  it('sends an entry an older app version queued (the stored session), only its record', async () => {
    const legacy = {
      kind: 'session',
      record: { sessionId: 'a1b2c3d4', outcome: 'completed' },
      context: { method: 'timing', calibration: { neutralDeg: 3 } },
      savedAtMs: 1,
    };
    const outbox = memoryOutbox([['session-a1b2c3d4', legacy]]);
    const clinic = fakeClinic();
    const r = await flushOutbox({ ...base, api: clinic.api, outbox, sleep: async () => {} });
    expect(r).toMatchObject({ status: 'done', sent: 1, remaining: 0 });
    expect(outbox.map.size).toBe(0);
    expect(clinic.calls[0]![0]).toEqual({
      idempotencyKey: 'session-a1b2c3d4',
      kind: 'session',
      data: { sessionId: 'a1b2c3d4', outcome: 'completed' },
    });
  });

  it('keeps everything when offline, backing off longer each try, and sends it later', async () => {
    const outbox = memoryOutbox([
      ['session-00000001', session('1')],
      [
        'screening-1700000000000',
        outboxWrite(
          screeningUpload(1_700_000_000_000, {
            swelling: false,
            clotHistory: false,
            severeInjury: false,
            painNow: 1,
          }),
        ).value,
      ],
    ]);
    const offline: ClinicError = { code: 'offline', message: 'no network' };
    const clinic = fakeClinic([offline, offline, offline]);
    const waits: number[] = [];
    const r1 = await flushOutbox({
      ...base,
      api: clinic.api,
      outbox,
      sleep: async (ms) => void waits.push(ms),
      maxAttempts: 3,
      baseDelayMs: 1000,
    });
    expect(r1).toMatchObject({ status: 'offline', sent: 0, remaining: 2 });
    expect(outbox.map.size).toBe(2);
    expect(waits).toEqual([750, 1500]);
    const r2 = await flushOutbox({ ...base, api: clinic.api, outbox, sleep: async () => {} });
    expect(r2).toMatchObject({ status: 'done', sent: 2 });
    expect(clinic.stored.get('screening-1700000000000')).toBe(
      JSON.stringify({
        atMs: 1_700_000_000_000,
        answers: { swelling: false, clotHistory: false, severeInjury: false, painNow: 1 },
      }),
    );
  });

  it('stores nothing twice when the answer to an upload is lost', async () => {
    const outbox = memoryOutbox([['session-00000001', session('1')]]);
    const clinic = fakeClinic(['ok-but-lost']);
    const r = await flushOutbox({ ...base, api: clinic.api, outbox, sleep: async () => {} });
    expect(r).toMatchObject({ status: 'done', sent: 0, alreadyThere: 1 });
    expect(clinic.calls).toHaveLength(2);
    expect(clinic.stored.size).toBe(1);
  });

  it('waits as long as the server asks when rate-limited', async () => {
    const outbox = memoryOutbox([['session-00000001', session('1')]]);
    const clinic = fakeClinic([{ code: 'rate_limited', message: 'slow down', retryAfterS: 7 }]);
    const waits: number[] = [];
    await flushOutbox({ ...base, api: clinic.api, outbox, sleep: async (ms) => void waits.push(ms) });
    expect(waits).toEqual([7000]);
  });

  it('sets a record the server refuses aside and still sends the others', async () => {
    const outbox = memoryOutbox([
      ['session-00000001', session('1')],
      ['session-00000002', session('2')],
    ]);
    const clinic = fakeClinic([
      {
        code: 'rejected',
        message: 'body.records[0].data.endedAtMs: must be after startedAtMs',
        where: 'body.records[0].data.endedAtMs',
      },
    ]);
    const r = await flushOutbox({ ...base, api: clinic.api, outbox, sleep: async () => {} });
    expect(r.status).toBe('done');
    expect(r.sent).toBe(1);
    expect(r.skipped).toEqual([
      { key: 'session-00000001', reason: 'body.records[0].data.endedAtMs: must be after startedAtMs' },
    ]);
    expect([...outbox.map.keys()]).toEqual(['session-00000001']);
  });

  it('stops and says so when the device token no longer works', async () => {
    const outbox = memoryOutbox([['session-00000001', session('1')]]);
    const clinic = fakeClinic([{ code: 'unlinked', message: 'sign in first' }]);
    const r = await flushOutbox({ ...base, api: clinic.api, outbox, sleep: async () => {} });
    expect(r).toMatchObject({ status: 'unlinked', remaining: 1 });
    expect(outbox.map.size).toBe(1);
  });

  it('keeps an entry amended while its upload was in flight', async () => {
    const outbox = memoryOutbox([['session-00000001', session('1')]]);
    const clinic = fakeClinic();
    const upload = clinic.api.upload;
    clinic.api.upload = async (...a) => {
      outbox.map.set('session-00000001', session('1', { painAfter: 3 }));
      return upload(...a);
    };
    await flushOutbox({ ...base, api: clinic.api, outbox, sleep: async () => {} });
    expect(outbox.map.has('session-00000001')).toBe(true);
  });

  it('reports entries it cannot read instead of sending or dropping them', async () => {
    const outbox = memoryOutbox([
      ['x', session('1')],
      ['mystery-0001', { kind: 'photo' }],
    ]);
    const clinic = fakeClinic();
    const r = await flushOutbox({ ...base, api: clinic.api, outbox, sleep: async () => {} });
    expect(r.skipped.map((s) => s.key).sort()).toEqual(['mystery-0001', 'x']);
    expect(clinic.calls).toHaveLength(0);
    expect(outbox.map.size).toBe(2);
  });

  it('never loses or duplicates a record, whatever the network does', async () => {
    const step = fc.constantFrom<ClinicError | 'ok' | 'ok-but-lost'>(
      'ok',
      'ok-but-lost',
      { code: 'offline', message: 'x' },
      { code: 'server', message: 'x' },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 12 }),
        fc.array(step, { maxLength: 30 }),
        fc.integer({ min: 1, max: 5 }),
        async (n, script, batchSize) => {
          const entries: [string, unknown][] = Array.from({ length: n }, (_, i) => [
            `session-${String(i).padStart(8, '0')}`,
            session(String(i)),
          ]);
          const outbox = memoryOutbox(entries);
          const clinic = fakeClinic(script);
          for (let round = 0; round < 40 && outbox.map.size > 0; round++)
            await flushOutbox({
              ...base,
              api: clinic.api,
              outbox,
              sleep: async () => {},
              batchSize,
              maxAttempts: 2,
            });
          expect(outbox.map.size).toBe(0);
          expect([...clinic.stored.keys()].sort()).toEqual(entries.map(([k]) => k));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('backoffMs', () => {
  it('grows with each attempt and never passes the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (a, r) => {
        const d = backoffMs(a, r, 1000, 60_000);
        expect(d).toBeGreaterThanOrEqual(Math.min(60_000, 1000 * 2 ** (a - 1)) / 2);
        expect(d).toBeLessThanOrEqual(60_000);
      }),
    );
  });
});

describe('singleFlight', () => {
  it('runs overlapping calls once', async () => {
    let runs = 0;
    const f = singleFlight(async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 5));
      return runs;
    });
    expect(await Promise.all([f(), f()])).toEqual([1, 1]);
    expect(await f()).toBe(2);
  });
});
