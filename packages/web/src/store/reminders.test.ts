import { REGIMEN_PRESETS } from '@anklepump/exercise';
import { describe, expect, it } from 'vitest';
import { regimenFor } from './plan.ts';
import { describeNext, icsForPlan, nextReminder, plannedPerDay, todaySchedule } from './reminders.ts';
import { defaultSettings } from './settings.ts';

const TZ = 'Europe/Madrid';
// 2026-03-02 09:30 in Madrid (UTC+1).
const NOW = Date.UTC(2026, 2, 2, 8, 30);

describe('reminders from the plan', () => {
  it('plans the seed doses: 2 a day general, 4 after surgery, one per waking hour', () => {
    expect(plannedPerDay(REGIMEN_PRESETS.general)).toBe(2);
    expect(plannedPerDay(REGIMEN_PRESETS['post-op'])).toBe(4);
    expect(plannedPerDay(REGIMEN_PRESETS.hourly)).toBe(13);
  });

  it('names the next session still to do, skipping ones already done', () => {
    const plan = REGIMEN_PRESETS['post-op'];
    const schedule = todaySchedule(plan, NOW, TZ)!;
    const starts = schedule.sessions.map((s) => s.startMs);
    const next = nextReminder(plan, [], NOW, TZ);
    expect(next).toBe(starts.find((t) => t > NOW) ?? starts[0]);
    // One session done this morning covers the first slot.
    expect(nextReminder(plan, [NOW - 60_000], NOW, TZ)).toBe(starts[1]);
  });

  it('never names a time already past as the next session: an overdue slot is due now', () => {
    const plan = REGIMEN_PRESETS.general;
    // 16:21 in Madrid with nothing done: the day's first slot has passed and is still owed.
    const late = Date.UTC(2026, 2, 2, 15, 21);
    const next = nextReminder(plan, [], late, TZ)!;
    expect(next).toBeLessThan(late);
    expect(describeNext(next, late)).toEqual({ kind: 'now', plannedMs: next });
    expect(describeNext(late + 60_000, late)).toEqual({ kind: 'at', atMs: late + 60_000 });
    expect(describeNext(null, late)).toEqual({ kind: 'none' });
  });

  it('writes a calendar with one repeating event and alarm per planned session', () => {
    const ics = icsForPlan(REGIMEN_PRESETS.general, NOW, TZ)!;
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics.match(/BEGIN:VALARM/g)).toHaveLength(2);
    expect(ics).toMatch(/RRULE:FREQ=DAILY;COUNT=30/);
  });

  it('keeps the patient foot order in the plan it follows', () => {
    const r = regimenFor({ ...defaultSettings('en'), regimen: 'postop', feet: 'right-first' });
    expect(r.id).toBe('post-op');
    expect(r.dose.footOrder).toBe('right-then-left');
    expect(r.dose.repsPerFoot).toBe(REGIMEN_PRESETS['post-op'].dose.repsPerFoot);
  });
});
