import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// Runs the BUILT binary the way a user does; the build happens once here.
const pkg = new URL('..', import.meta.url).pathname;
const bin = join(pkg, 'dist', 'anklepump.js');
const dir = mkdtempSync(join(tmpdir(), 'anklepump-cli-'));

beforeAll(() => {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: pkg, stdio: 'pipe' });
});

function cli(argv: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...argv], {
    cwd: dir,
    input: input ?? '',
    encoding: 'utf8',
    // Only a guard against a hung process: a loaded machine can take many seconds to start Node.
    timeout: 150_000,
    env: { ...process.env, TZ: 'UTC', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr, signal: r.signal };
}

const clear = ['--no-swelling', '--no-clot-history', '--no-severe-injury', '--pain-now', '1'];

describe('anklepump screen', () => {
  it('with all answers as flags and none contraindicated: go, exit 0, with the reason', () => {
    const r = cli(['screen', ...clear]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^GO:/);
    expect(r.out).toContain('Why (rule all-clear)');
    expect(r.out).toContain('emergency number');
  });

  it.each([
    [['--clot-history'], 10, 'ONLY WITH A PHYSIOTHERAPIST', 'clot-history'],
    [['--swelling'], 11, 'SEE A DOCTOR FIRST', 'swelling'],
    [['--severe-injury'], 12, 'NOT SUITABLE NOW', 'severe-injury'],
  ])('%s gives exit %i and says why', (flag, code, headline, rule) => {
    const flags = clear.filter((f) => f !== flag[0]!.replace('--', '--no-'));
    const r = cli(['screen', ...flags, ...flag]);
    expect(r.code).toBe(code);
    expect(r.out).toContain(headline);
    expect(r.out).toContain(`rule ${rule}`);
  });

  it('a clinician clearance for a past clot makes it a go', () => {
    const flags = clear.filter((f) => f !== '--no-clot-history');
    const r = cli(['screen', ...flags, '--clot-history', '--cleared-by', 'dr-lee']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('rule clot-history-cleared');
    expect(r.out).toContain('taken from --cleared-by dr-lee; this tool cannot check it');
  });

  it('reads answers from a JSON file and from piped stdin, and can print JSON', () => {
    const file = join(dir, 'answers.json');
    writeFileSync(
      file,
      JSON.stringify({ severeInjury: false, swelling: false, clotHistory: false, painNow: 8 }),
    );
    expect(cli(['screen', '--json', file]).code).toBe(11);
    const piped = cli(
      ['screen', '--json', '-', '--format', 'json'],
      '{"severeInjury":false,"swelling":false,"clotHistory":false,"painNow":0}',
    );
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.out).decision).toMatchObject({
      outcome: 'go',
      rule: 'all-clear',
      questionnaireVersion: '1.0.0',
    });
  });

  it('malformed JSON answers: exit 4 naming what and where', () => {
    const bad = cli(['screen', '--json', '-'], '{"severeInjury":false,"swelling":"no","clotHistory":false}');
    expect(bad.code).toBe(4);
    expect(bad.err).toContain('swelling: Answer to "swelling" must be true or false');
    expect(bad.err).toContain('painNow: Answer to "painNow" is required');
    const notJson = cli(['screen', '--json', '-'], '{oops');
    expect(notJson.code).toBe(4);
    expect(notJson.err).toContain('stdin is not valid JSON');
    expect(cli(['screen', '--json', 'missing.json']).code).toBe(3);
  });

  it('non-terminal stdin without answers: a clear error, not a hang', () => {
    const r = cli(['screen', '--no-swelling']);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.err).toContain('stdin is not a terminal');
    expect(r.err).toContain('--clot-history');
    expect(r.err).not.toContain('--swelling,');
  });

  it('bad flags name the flag and exit 2', () => {
    const r = cli(['screen', '--pain-now', 'lots']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--pain-now must be a whole number; got "lots"');
    expect(cli(['screen', '--json', 'a.json', '--swelling']).err).toContain('--json cannot be combined');
  });
});

/** Unfolds an iCalendar file and returns its VEVENTs as property maps. */
function events(ics: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  let cur: Record<string, string> | null = null;
  for (const line of ics.replace(/\r\n[ \t]/g, '').split('\r\n')) {
    if (line === 'BEGIN:VEVENT') cur = {};
    else if (line === 'END:VEVENT') {
      out.push(cur!);
      cur = null;
    } else if (cur && !(line.startsWith('BEGIN:') || line.startsWith('END:'))) {
      const i = line.indexOf(':');
      cur[line.slice(0, i)] ??= line.slice(i + 1);
    }
  }
  return out;
}

describe('anklepump plan', () => {
  it("prints today's times and writes an .ics whose events match them", () => {
    const r = cli([
      'plan',
      '--regimen',
      'post-op',
      '--tz',
      'Europe/Berlin',
      '--date',
      '2026-03-27',
      '--days',
      '5',
      '--ics',
      'out.ics',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('2026-03-27 in Europe/Berlin, awake 07:00-22:00: 4 sessions');
    for (const t of ['09:00', '12:45', '16:30', '20:15']) expect(r.out).toContain(t);
    const ics = readFileSync(join(dir, 'out.ics'), 'utf8');
    const ev = events(ics);
    expect(ev.map((e) => e['DTSTART;TZID=Europe/Berlin'])).toEqual([
      '20260327T090000',
      '20260327T124500',
      '20260327T163000',
      '20260327T201500',
    ]);
    expect(
      ev.every((e) => e.RRULE === 'FREQ=DAILY;COUNT=5' && e.SUMMARY === 'Ankle pumps: 15 per foot\\, 3 sets'),
    ).toBe(true);
    expect(ics).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000');
  });

  it('--ics - writes the calendar alone to stdout, a valid file when redirected, and the plan to stderr', () => {
    const r = cli([
      'plan',
      '--regimen',
      'hourly',
      '--tz',
      'UTC',
      '--date',
      '2026-06-01',
      '--format',
      'json',
      '--ics',
      '-',
    ]);
    expect(r.code).toBe(0);
    expect(r.out.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(r.out.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(events(r.out)).toHaveLength(14);
    expect(JSON.parse(r.err).schedule.sessions).toHaveLength(14);
  });

  it.each([
    [['--tz', 'Mars/Olympus'], '--tz: unknown time zone "Mars/Olympus"'],
    [['--date', '2026-02-30'], '--date must be a calendar date'],
    [['--wake', '7am'], '--wake must be a 24-hour time'],
    [['--regimen', 'weekly'], '--regimen must be one of general, post-op, hourly'],
    [['--days'], '--days needs a value'],
    [['--timezone', 'UTC'], 'unknown option --timezone'],
  ])('%j: exit 2 naming the flag', (flags, message) => {
    const r = cli(flags[0] === '--tz' ? ['plan', ...flags] : ['plan', '--tz', 'UTC', ...flags]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it('an .ics path that cannot be written: exit 6', () => {
    const r = cli(['plan', '--tz', 'UTC', '--ics', join(dir, 'no', 'such', 'dir', 'x.ics')]);
    expect(r.code).toBe(6);
    expect(r.err).toContain('--ics: cannot write');
  });
});

describe('anklepump serve', () => {
  it('a configuration that is not valid: exit 4 naming the variable, an exit code its --help lists', () => {
    const r = cli(['serve', '--create-admin', '--db', join(dir, 'serve.db')], undefined, {
      ADMIN_EMAIL: 'admin@clinic.example',
      ADMIN_PASSWORD: 'short',
    });
    expect(r.code).toBe(4);
    expect(r.err).toContain('ADMIN_PASSWORD');
    expect(cli(['serve', '--help']).out).toMatch(/\n\s+4\s+the configuration is not valid/);
  });
});

describe('anklepump --help', () => {
  it('documents the commands, and each command its options and exit codes', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('screen');
    expect(r.out).toContain('plan');
    const s = cli(['screen', '--help']);
    expect(s.out).toContain('--pain-now <0-10>');
    expect(s.out).toMatch(/11\s+decision: see a doctor first/);
  });
});
