// `anklepump screen`: the safety check before exercising, asked in the terminal or given as flags/JSON.

import type { CommandSpec } from '../command-spec.ts';
import { EXIT } from '../exit-codes.ts';

export const screen: CommandSpec = {
  name: 'screen',
  summary: 'safety check before exercising: asks the questions, prints the decision and why',
  description: [
    'With no answers given and a terminal on stdin, asks each question in turn.',
    'Otherwise give all four answers as flags, or as JSON with --json <file> (or - for stdin):',
    '  {"severeInjury": false, "swelling": false, "clotHistory": false, "painNow": 2}',
  ].join('\n'),
  options: [
    {
      name: 'swelling',
      type: 'boolean',
      description: 'the leg or ankle is clearly swollen, red or bruised (--no-swelling: it is not)',
    },
    {
      name: 'clot-history',
      type: 'boolean',
      description: 'has had a DVT or pulmonary embolism (--no-clot-history: never)',
    },
    {
      name: 'severe-injury',
      type: 'boolean',
      description: 'has a fracture or torn ligament at the ankle now (--no-severe-injury: no)',
    },
    {
      name: 'pain-now',
      type: 'integer',
      min: 0,
      max: 10,
      valueName: '0-10',
      description: 'pain in the legs right now',
    },
    {
      name: 'json',
      type: 'string',
      valueName: 'file|-',
      description: 'read the answers from a JSON file, or stdin with -',
    },
    {
      name: 'cleared-by',
      type: 'string',
      valueName: 'clinician',
      description: 'a clinician has recorded supervision/clearance for a past clot (their id)',
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
    'anklepump screen',
    'anklepump screen --no-swelling --no-clot-history --no-severe-injury --pain-now 2',
    'echo \'{"severeInjury":false,"swelling":false,"clotHistory":true,"painNow":0}\' | anklepump screen --json -',
  ],
  exitCodes: [
    { code: EXIT.ok, meaning: 'decision: go, the exercise may start' },
    {
      code: EXIT.badInput,
      meaning: 'the answers are malformed (the message says where), or input ended early',
    },
    { code: EXIT.inputNotFound, meaning: 'the --json file does not exist' },
    { code: EXIT.screenSupervisedOnly, meaning: "decision: only under a physiotherapist's supervision" },
    { code: EXIT.screenSeeDoctorFirst, meaning: 'decision: see a doctor first' },
    { code: EXIT.screenNotSuitable, meaning: 'decision: ankle pumps are not suitable now' },
  ],
  load: () => import('./screen-run.ts'),
};
