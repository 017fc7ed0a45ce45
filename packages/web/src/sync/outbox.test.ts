import {
  createSession,
  DEFAULT_DOSE,
  IDEMPOTENCY_KEY,
  type SessionRecord,
  transition,
  validateUploadRecord,
} from '@anklepump/exercise';
import { describe, expect, it } from 'vitest';
import { outboxWrite, screeningUpload, sessionUpload } from './outbox.ts';
import { toUploadRecord } from './upload-record.ts';

const NOW = Date.UTC(2026, 2, 2, 9);

function finishedRecord(): SessionRecord {
  let s = createSession({
    sessionId: crypto.randomUUID(),
    regimenId: 'general',
    regimenVersion: 1,
    dose: DEFAULT_DOSE,
    mode: 'timing',
    painBefore: 0,
  });
  s = transition(s, { type: 'start', tMs: NOW - 30_000 }).state;
  const end = transition(s, { type: 'abort', tMs: NOW - 1000 });
  const save = end.effects.find((e) => e.type === 'save-record');
  if (save?.type !== 'save-record') throw new Error('no record');
  return save.record;
}

describe('the outbox writer', () => {
  it('queues what the clinic accepts: the contract validator passes what the app writes', () => {
    const writes = [
      outboxWrite(sessionUpload(finishedRecord())),
      outboxWrite(
        screeningUpload(NOW, { swelling: false, clotHistory: false, severeInjury: false, painNow: 2 }),
      ),
    ];
    for (const w of writes) {
      expect(w.key).toMatch(IDEMPOTENCY_KEY);
      const up = toUploadRecord({ key: w.key, value: structuredClone(w.value) });
      expect(up.ok).toBe(true);
      if (!up.ok) continue;
      const v = validateUploadRecord(up.record, NOW);
      expect(v.success ? null : v.issues).toBeNull();
    }
  });

  it('gives an amended session the same key, so the clinic sees one session', () => {
    const r = finishedRecord();
    expect(outboxWrite(sessionUpload({ ...r, painAfter: 4 })).key).toBe(outboxWrite(sessionUpload(r)).key);
  });
});
