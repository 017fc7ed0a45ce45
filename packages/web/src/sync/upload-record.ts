// Turns what the app put in its outbox into what the clinic's sync endpoint accepts. The outbox
// key is the idempotency key: the same entry sent twice is stored once, whatever happens between.
import { IDEMPOTENCY_KEY, RECORD_KINDS, type RecordKind, type UploadRecord } from '@anklepump/exercise';
import type { OutboxEntry } from './outbox.ts';

export type Converted =
  | { readonly ok: true; readonly record: UploadRecord }
  | { readonly ok: false; readonly reason: string };

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The data of an entry written before the outbox held contract records (`{ kind, data }`):
 * sessions were the stored session `{ record, context, savedAtMs }`, screenings carried their
 * answers beside the app's own decision. Such entries may still wait on a phone that was offline.
 */
function legacyData(kind: RecordKind, v: Record<string, unknown>): unknown {
  if (kind === 'session') {
    const method = isObj(v.context) ? v.context.method : undefined;
    return isObj(v.record) && (method === 'camera' || method === 'phone')
      ? { ...v.record, sensor: method }
      : v.record;
  }
  if (kind === 'screening' && typeof v.atMs === 'number') return { atMs: v.atMs, answers: v.answers };
  return undefined;
}

/** The upload form of one outbox entry, or why it cannot be sent. */
export function toUploadRecord(entry: OutboxEntry): Converted {
  if (!IDEMPOTENCY_KEY.test(entry.key))
    return { ok: false, reason: `outbox key ${JSON.stringify(entry.key)} cannot be an idempotency key` };
  const v = entry.value;
  if (!isObj(v)) return { ok: false, reason: `outbox entry ${entry.key} is not an object` };
  const kind = v.kind as RecordKind;
  if (!RECORD_KINDS.includes(kind))
    return { ok: false, reason: `outbox entry ${entry.key} has an unknown kind ${JSON.stringify(v.kind)}` };
  const data = 'data' in v ? v.data : legacyData(kind, v);
  if (!isObj(data)) return { ok: false, reason: `outbox entry ${entry.key} has no ${kind} data` };
  // The server checks the data against the contract and names the field if it is wrong.
  return { ok: true, record: { idempotencyKey: entry.key, kind, data } as unknown as UploadRecord };
}
