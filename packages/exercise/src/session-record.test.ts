import { describe, expect, it } from 'vitest';
import { DEFAULT_DOSE } from './dose.ts';
import { createSession, transition } from './session-machine.ts';
import { isPainAfterAmendment, withPainAfter } from './session-record.ts';
import type { SessionRecord, SessionState } from './session-types.ts';

const NOW = Date.UTC(2026, 2, 2, 10, 0, 0);

/** A record as the session machine saves it (pain before 2, none after), sent as JSON. */
function sentRecord(painBefore = 2): SessionRecord {
  let s: SessionState = createSession({
    sessionId: '3f2a9c1e-0000-4000-8000-000000000002',
    regimenId: 'general',
    regimenVersion: 1,
    dose: DEFAULT_DOSE,
    mode: 'timing',
    painBefore,
  });
  s = transition(s, { type: 'start', tMs: NOW - 60_000 }).state;
  for (let t = NOW - 60_000; t < NOW - 10_000; t += 100) s = transition(s, { type: 'tick', tMs: t }).state;
  const save = transition(s, { type: 'abort', tMs: NOW - 10_000 }).effects.find(
    (e) => e.type === 'save-record',
  );
  if (save?.type !== 'save-record') throw new Error('the machine saved no record');
  return JSON.parse(JSON.stringify(save.record)) as SessionRecord;
}

describe('a session amended with pain after it (what the clinic accepts for a session it already has)', () => {
  it('is the record the summary makes when the patient answers, whatever the level', () => {
    const sent = sentRecord();
    expect(sent.painAfter).toBeNull();
    for (const level of [0, 2, 8, 10]) {
      const amended = JSON.parse(JSON.stringify(withPainAfter(sent, level)));
      expect(isPainAfterAmendment(sent, amended)).toBe(true);
    }
  });

  it('raises the highest pain to a higher level after, and must say so', () => {
    const sent = sentRecord(2);
    const amended = withPainAfter(sent, 7);
    expect(amended.painMax).toBe(7);
    expect(isPainAfterAmendment(sent, amended)).toBe(true);
    expect(isPainAfterAmendment(sent, { ...amended, painMax: 2 })).toBe(false);
  });

  it('is refused when anything else changed, or the pain after was already given', () => {
    const sent = sentRecord();
    const amended = withPainAfter(sent, 3);
    expect(isPainAfterAmendment(sent, { ...amended, setsCompleted: amended.setsCompleted + 1 })).toBe(false);
    expect(isPainAfterAmendment(sent, { ...amended, extra: true })).toBe(false);
    const { warnings: _dropped, ...withoutWarnings } = amended;
    expect(isPainAfterAmendment(sent, withoutWarnings)).toBe(false);
    // A second answer (3, then 5) is a change of what the clinic already holds: not this amendment.
    expect(isPainAfterAmendment(amended, withPainAfter({ ...amended, painAfter: null }, 5))).toBe(false);
    expect(isPainAfterAmendment(sent, sent)).toBe(false);
  });

  it('is refused for a level that is not a whole number from 0 to 10, and for what is not a record', () => {
    const sent = sentRecord();
    expect(isPainAfterAmendment(sent, { ...sent, painAfter: 11, painMax: 11 })).toBe(false);
    expect(isPainAfterAmendment(sent, { ...sent, painAfter: 2.5, painMax: 2.5 })).toBe(false);
    expect(isPainAfterAmendment(sent, { ...sent, painAfter: '3', painMax: 3 })).toBe(false);
    expect(isPainAfterAmendment(null, sent)).toBe(false);
    expect(isPainAfterAmendment(sent, 'x')).toBe(false);
  });
});
