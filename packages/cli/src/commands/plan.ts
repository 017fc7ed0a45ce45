// `anklepump plan`: today's session times for a regimen, and an iCalendar file of reminders.

import type { CommandSpec } from '../command-spec.ts';
import { EXIT } from '../exit-codes.ts';

export const plan: CommandSpec = {
  name: 'plan',
  summary: "print today's session times for a regimen and write calendar reminders (.ics)",
  options: [
    {
      name: 'regimen',
      alias: 'r',
      type: 'string',
      choices: ['general', 'post-op', 'hourly'],
      default: 'general',
      description: 'general: 2 a day; post-op: 4 a day; hourly: 10 pumps every waking hour',
    },
    { name: 'wake', type: 'string', valueName: 'HH:MM', default: '07:00', description: 'time you get up' },
    {
      name: 'sleep',
      type: 'string',
      valueName: 'HH:MM',
      default: '22:00',
      description: 'time you go to bed',
    },
    {
      name: 'tz',
      type: 'string',
      valueName: 'IANA zone',
      description: "time zone, e.g. Europe/Berlin (default: this machine's)",
    },
    {
      name: 'date',
      type: 'string',
      valueName: 'YYYY-MM-DD',
      description: 'the day to plan (default: today in --tz)',
    },
    {
      name: 'ics',
      type: 'string',
      valueName: 'file',
      description: "write the reminders as an iCalendar file (-: to stdout, the day's plan then to stderr)",
    },
    {
      name: 'days',
      type: 'integer',
      min: 1,
      max: 366,
      default: 14,
      description: 'how many days the reminders repeat',
    },
    {
      name: 'alarm-min',
      type: 'integer',
      min: 0,
      max: 120,
      default: 5,
      description: 'reminder this many minutes before',
    },
    {
      name: 'format',
      type: 'string',
      choices: ['text', 'json'],
      default: 'text',
      description: 'output format',
    },
  ],
  examples: [
    'anklepump plan --regimen post-op --tz Europe/Berlin',
    'anklepump plan --regimen hourly --wake 06:30 --sleep 21:30 --ics reminders.ics',
  ],
  exitCodes: [{ code: EXIT.outputFailed, meaning: 'the .ics file could not be written' }],
  load: () => import('./plan-run.ts'),
};
