import { describe, expect, it } from 'vitest';
import { REGIMEN_PRESETS } from './regimen.ts';
import { planDay, scheduleProgress } from './schedule.ts';
import type { DaySchedule } from './schedule-types.ts';

const req = { date: '2026-11-24', timeZone: 'Europe/Berlin', wake: '07:00', sleep: '22:00' };

function plan(id: keyof typeof REGIMEN_PRESETS, over: Partial<typeof req> = {}): DaySchedule {
  const r = planDay(REGIMEN_PRESETS[id].frequency, { ...req, ...over });
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return r.data;
}

describe("today's sessions", () => {
  it('general: 2 sessions spread over the waking day', () => {
    expect(plan('general').sessions.map((s) => s.localTime)).toEqual(['10:45', '18:15']);
  });

  it('post-op: 4 sessions, all inside the waking window', () => {
    const s = plan('post-op');
    expect(s.sessions.map((x) => x.localTime)).toEqual(['09:00', '12:45', '16:30', '20:15']);
    for (const x of s.sessions) {
      expect(x.startMs).toBeGreaterThan(s.wakeMs);
      expect(x.startMs).toBeLessThan(s.sleepMs);
    }
  });

  it('hourly: every waking hour, starting an hour after waking', () => {
    const s = plan('hourly');
    expect(s.sessions).toHaveLength(14);
    expect(s.sessions[0]!.localTime).toBe('08:00');
    expect(s.sessions.at(-1)!.localTime).toBe('21:00');
  });

  it('keeps local times on the day clocks go forward, with the new offset', () => {
    const s = plan('general', { date: '2026-03-29' });
    expect(s.sessions.map((x) => [x.localTime, x.utcOffsetMin])).toEqual([
      ['10:45', 120],
      ['18:15', 120],
    ]);
    expect(s.sessions[0]!.startMs).toBe(Date.UTC(2026, 2, 29, 8, 45));
  });

  it('handles a night-shift window that crosses midnight', () => {
    const s = plan('post-op', { wake: '20:00', sleep: '08:00' });
    expect(s.sessions.map((x) => `${x.localDate} ${x.localTime}`)).toEqual([
      '2026-11-24 21:30',
      '2026-11-25 00:30',
      '2026-11-25 03:30',
      '2026-11-25 06:30',
    ]);
  });

  it('the same local times in another zone are different instants', () => {
    const ny = plan('general', { timeZone: 'America/New_York' });
    expect(ny.sessions.map((x) => x.localTime)).toEqual(['10:45', '18:15']);
    expect(ny.sessions[0]!.startMs - plan('general').sessions[0]!.startMs).toBe(6 * 3_600_000);
  });

  it('returns issues naming each bad field instead of throwing', () => {
    const r = planDay(REGIMEN_PRESETS.general.frequency, {
      date: '2026-02-30',
      timeZone: 'Nowhere/Land',
      wake: '25:00',
      sleep: '22:00',
    });
    expect(r.success ? [] : r.issues.map((i) => [i.path[0], i.code])).toEqual([
      ['wake', 'invalid_time'],
      ['date', 'invalid_date'],
      ['timeZone', 'invalid_time_zone'],
    ]);
  });

  it('rejects a waking window shorter than an hour', () => {
    const r = planDay(REGIMEN_PRESETS.general.frequency, { ...req, wake: '07:00', sleep: '07:30' });
    expect(r.success ? null : r.issues[0]).toMatchObject({ code: 'too_small', path: ['sleep'] });
  });
});

describe('done, due, missed and next', () => {
  const day = plan('post-op');
  const [s1, s2, s3] = day.sessions;

  it('before anything: all upcoming, the first is next', () => {
    const p = scheduleProgress(day, [], day.wakeMs);
    expect(p.slots.map((x) => x.status)).toEqual(['upcoming', 'upcoming', 'upcoming', 'upcoming']);
    expect(p.next).toBe(s1);
  });

  it('a slot not done by the time the next one starts is missed', () => {
    const p = scheduleProgress(day, [], s2!.startMs + 60_000);
    expect(p.slots.map((x) => x.status)).toEqual(['missed', 'due', 'upcoming', 'upcoming']);
    expect(p.missed).toEqual([s1]);
    expect(p.next).toBe(s2);
  });

  it('a late session still covers the earliest open slot', () => {
    const p = scheduleProgress(day, [s2!.startMs + 30 * 60_000], s3!.startMs + 1);
    expect(p.slots.map((x) => x.status)).toEqual(['done', 'missed', 'due', 'upcoming']);
  });

  it('sessions from another day do not count, and at the end of the day nothing is next', () => {
    const p = scheduleProgress(day, [day.wakeMs - 86_400_000], day.sleepMs + 1);
    expect(p.done).toBe(0);
    expect(p.missed).toHaveLength(4);
    expect(p.next).toBeNull();
  });
});
