import { describe, expect, it } from 'vitest';
import {
  alertKind,
  checkedBy,
  holdsWords,
  outcomeWords,
  ownPlanWords,
  type SessionFacts,
  severity,
  warningWords,
} from './record-words.ts';
import type { Portal } from './shell.ts';
import { PORTAL_EN, type PortalKey, tr } from './strings.ts';

const p = {
  t: (k: PortalKey, v?: Record<string, string | number>) => tr(PORTAL_EN, k, v),
} as unknown as Portal;
const foot = { holdsMet: 8, holdsShort: 2 };
const s = (o: Partial<SessionFacts> = {}): SessionFacts => ({
  mode: 'verified',
  outcome: 'completed',
  sharpPain: false,
  feet: { left: foot, right: foot },
  warnings: [],
  ...o,
});

describe('stored codes in words a clinician reads', () => {
  it('says which sensor checked a session, and never claims one for timing-only sessions', () => {
    expect(checkedBy(p, s({ sensor: 'camera' }))).toBe('camera (degrees are estimates)');
    expect(checkedBy(p, s({ sensor: 'phone' }))).toBe('phone on the foot');
    expect(checkedBy(p, s())).toBe('camera or phone (app did not say which)');
    expect(checkedBy(p, s({ mode: 'timing', sensor: 'camera' }))).toBe('timing only (not checked)');
  });

  it('says whether the degrees were calibrated, and when a camera view changed', () => {
    expect(checkedBy(p, s({ sensor: 'phone', degrees: { kind: 'calibrated' } }))).toBe(
      'phone on the foot, range measured first',
    );
    expect(checkedBy(p, s({ sensor: 'camera', degrees: { kind: 'uncalibrated' } }))).toBe(
      'camera (degrees are estimates), range learned from the reps',
    );
    const atMs = Date.UTC(2026, 10, 30, 9, 5);
    expect(
      checkedBy(p, s({ sensor: 'camera', degrees: { kind: 'view-changed', atMs, calibrated: true } }), (ms) =>
        new Date(ms).toISOString().slice(11, 16),
      ),
    ).toBe(
      'camera (degrees are estimates), range measured first; camera moved at 09:05: degrees after it are from another view; left out of the range chart',
    );
  });

  it('says when a phone check scaled the camera degrees (still estimates: the scale is fitted)', () => {
    expect(checkedBy(p, s({ sensor: 'camera', degrees: { kind: 'calibrated', phoneGain: 1.3 } }))).toBe(
      'camera (degrees are estimates), range measured first; camera degrees checked against the phone on the foot (×1.30)',
    );
    const atMs = Date.UTC(2026, 10, 30, 9, 5);
    expect(
      checkedBy(
        p,
        s({ sensor: 'camera', degrees: { kind: 'view-changed', atMs, calibrated: true, phoneGain: 0.8 } }),
        (ms) => new Date(ms).toISOString().slice(11, 16),
      ),
    ).toBe(
      'camera (degrees are estimates), range measured first; camera degrees checked against the phone on the foot (×0.80); camera moved at 09:05: degrees after it are from another view; left out of the range chart',
    );
  });

  it('counts holds over both feet and warnings by kind; timing-only sessions measured no holds', () => {
    expect(holdsWords(p, s())).toBe('16 / 4');
    expect(holdsWords(p, s({ mode: 'timing' }))).toBe('not measured');
    const w = (code: string) => ({ code });
    expect(warningWords(p, s({ warnings: [w('leg-moved'), w('shallow-rep'), w('leg-moved')] }))).toBe(
      'leg moved (2), shallow reps (1)',
    );
    expect(warningWords(p, s())).toBe('none');
  });

  it('outcomes, alert kinds and severities have words; no code reaches the screen', () => {
    expect(outcomeWords(p, s({ outcome: 'stopped', sharpPain: true }))).toBe('stopped (sharp pain)');
    expect(outcomeWords(p, s({ outcome: 'aborted' }))).toBe('ended early');
    for (const k of [
      'sharp-pain',
      'pain-high',
      'pain-rising',
      'screening-red-flag',
      'low-adherence',
      'range-falling',
    ])
      expect(alertKind(p, k)).not.toMatch(/-/);
    expect(severity(p, 'urgent')).toBe('Urgent');
  });

  it('without a prescription, names the plan from the latest session instead of "the general plan"', () => {
    expect(ownPlanWords(p, s({ regimenId: 'post-op' }))).toContain(
      '(after surgery, from their latest session)',
    );
    expect(ownPlanWords(p, s({ regimenId: 'hourly' }))).toContain('every waking hour');
    expect(ownPlanWords(p, s({ regimenId: 'clinic-7' }))).toContain('a clinician’s plan');
    expect(ownPlanWords(p, undefined)).toContain('no session received yet');
    expect(ownPlanWords(p, s({ regimenId: 'post-op' }))).not.toContain('general plan');
  });
});
