// The plan command's work: validate the window and zone, plan the day, print it, write the .ics.

import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  isValidTimeZone,
  localDateOf,
  parseDate,
  parseTimeOfDay,
  planDay,
  REGIMEN_PRESETS,
  type RegimenPresetId,
  sessionDurationS,
  toICalendar,
} from '@anklepump/exercise';
import type { CommandContext } from '../command-spec.ts';
import { CliError, EXIT } from '../exit-codes.ts';

function offsetLabel(min: number): string {
  const a = Math.abs(min);
  return `UTC${min < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

export async function run(ctx: CommandContext): Promise<number> {
  const o = ctx.options;
  const regimen = REGIMEN_PRESETS[o.regimen as RegimenPresetId];
  const tz = (o.tz as string | undefined) ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!isValidTimeZone(tz)) {
    throw new CliError(
      'bad-time-zone',
      `--tz: unknown time zone "${tz}" (use an IANA name such as Europe/Berlin)`,
      '--tz',
    );
  }
  const wake = o.wake as string;
  const sleep = o.sleep as string;
  if (parseTimeOfDay(wake) === null)
    throw new CliError('bad-time', `--wake must be a 24-hour time HH:MM; got "${wake}"`, '--wake');
  if (parseTimeOfDay(sleep) === null) {
    throw new CliError('bad-time', `--sleep must be a 24-hour time HH:MM; got "${sleep}"`, '--sleep');
  }
  const date = (o.date as string | undefined) ?? localDateOf(tz, ctx.now());
  if (!parseDate(date))
    throw new CliError('bad-date', `--date must be a calendar date YYYY-MM-DD; got "${date}"`, '--date');
  const planned = planDay(regimen.frequency, { date, timeZone: tz, wake, sleep });
  if (!planned.success) {
    const issue = planned.issues[0]!;
    throw new CliError(
      'bad-time',
      `--${String(issue.path[0])}: ${issue.message}`,
      `--${String(issue.path[0])}`,
    );
  }
  const day = planned.data;
  const dose = regimen.dose;
  const icsPath = o.ics as string | undefined;
  // With `--ics -` standard output carries the calendar alone (`plan --ics - > reminders.ics` is a
  // valid file); the day's plan goes to standard error.
  const planOut = icsPath === '-' ? ctx.stderr : ctx.stdout;
  if (o.format === 'json') {
    planOut.write(
      `${JSON.stringify({ regimen: { id: regimen.id, version: regimen.version, name: regimen.name, dose }, schedule: day }, null, 2)}\n`,
    );
  } else {
    const lines = [
      `${regimen.name}`,
      `Each session: ${dose.repsPerFoot} pumps per foot, ${dose.sets} ${dose.sets === 1 ? 'set' : 'sets'}, hold ${dose.plantarHoldS} s down and ${dose.dorsiHoldS} s up (about ${Math.ceil(sessionDurationS(dose) / 60)} min).`,
      '',
      `${date} in ${tz}, awake ${wake}-${sleep}: ${day.sessions.length} sessions`,
      ...day.sessions.map(
        (s) =>
          `  ${String(s.index + 1).padStart(2)}. ${s.localTime}${s.localDate !== date ? ` (${s.localDate})` : ''}  ${offsetLabel(s.utcOffsetMin)}`,
      ),
      '',
    ];
    planOut.write(lines.join('\n'));
  }
  if (icsPath !== undefined) {
    const ics = toICalendar({
      schedule: day,
      regimenId: regimen.id,
      regimenVersion: regimen.version,
      dose,
      days: o.days as number,
      alarmMinBefore: o['alarm-min'] as number,
      stampMs: ctx.now(),
    });
    if (icsPath === '-') ctx.stdout.write(ics);
    else {
      const full = resolve(ctx.cwd, icsPath);
      try {
        await writeFile(full, ics, 'utf8');
      } catch (e) {
        throw new CliError(
          'output-failed',
          `--ics: cannot write ${icsPath}: ${(e as Error).message}`,
          '--ics',
        );
      }
      (o.format === 'json' ? ctx.stderr : ctx.stdout).write(
        `Wrote ${day.sessions.length} daily reminders for ${o.days} days to ${icsPath}\n`,
      );
    }
  }
  return EXIT.ok;
}
