// Turns what the app put in its outbox into what the clinic's sync endpoint accepts. The outbox
// key is the idempotency key: the same entry sent twice is stored once, whatever happens between.
import type { UploadRecord } from './clinic-api.ts';
import type { OutboxEntry } from './outbox.ts';

export type Converted =
  | { readonly ok: true; readonly record: UploadRecord }
  | { readonly ok: false; readonly reason: string };

const KEY = /^[A-Za-z0-9._:-]{8,128}$/;
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The upload form of one outbox entry, or why it cannot be sent. */
export function toUploadRecord(entry: OutboxEntry): Converted {
  if (!KEY.test(entry.key))
    return { ok: false, reason: `outbox key ${JSON.stringify(entry.key)} cannot be an idempotency key` };
  const v = entry.value;
  if (!isObj(v)) return { ok: false, reason: `outbox entry ${entry.key} is not an object` };
  switch (v.kind) {
    case 'session':
      // Session entries are the stored session ({ record, context, savedAtMs }); only the record
      // leaves the device: the set-up context (calibration, camera details) stays here.
      if (!isObj(v.record)) return { ok: false, reason: `outbox entry ${entry.key} has no session record` };
      {
        // Which sensor checked it does leave: it decides how far the clinician can trust the degrees.
        const method = isObj(v.context) ? v.context.method : undefined;
        const sensor = method === 'camera' || method === 'phone' ? { sensor: method } : {};
        return {
          ok: true,
          record: { idempotencyKey: entry.key, kind: 'session', data: { ...v.record, ...sensor } },
        };
      }
    case 'screening':
      // The server recomputes the decision from the answers; it takes only these two fields.
      if (typeof v.atMs !== 'number' || !isObj(v.answers))
        return { ok: false, reason: `outbox entry ${entry.key} lacks the screening time or answers` };
      return {
        ok: true,
        record: { idempotencyKey: entry.key, kind: 'screening', data: { atMs: v.atMs, answers: v.answers } },
      };
    case 'pain': {
      if (typeof v.atMs !== 'number' || typeof v.level !== 'number' || typeof v.sharp !== 'boolean')
        return { ok: false, reason: `outbox entry ${entry.key} lacks the pain time, level or sharpness` };
      const data: Record<string, unknown> = { atMs: v.atMs, level: v.level, sharp: v.sharp };
      if (typeof v.sessionId === 'string') data.sessionId = v.sessionId;
      if (typeof v.note === 'string') data.note = v.note;
      return { ok: true, record: { idempotencyKey: entry.key, kind: 'pain', data } };
    }
    default:
      return { ok: false, reason: `outbox entry ${entry.key} has an unknown kind ${JSON.stringify(v.kind)}` };
  }
}
