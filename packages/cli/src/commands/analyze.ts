// `anklepump analyze <file>`: reps, range, holds and leg movement per foot from a video, a
// landmark JSON file or a motion-sensor CSV, all on this machine.

import type { CommandSpec } from '../command-spec.ts';
import { EXIT } from '../exit-codes.ts';

export const analyze: CommandSpec = {
  name: 'analyze',
  summary: 'count reps and measure range and holds per foot in a video, landmark JSON or sensor CSV',
  description: [
    'The file kind is detected from its content:',
    '  video (mp4, mov, webm, avi, ... anything ffmpeg reads): pose estimation on this machine',
    '    (headless Chromium + MediaPipe; nothing is uploaded). Film from the side, whole body in view.',
    '  landmark JSON: {"version":1,"frameRateHz":30,"width":W,"height":H,"frames":[{"tS":0,"landmarks":[[x,y,z,v],...33]|null}]}',
    '  sensor CSV: header t,ax,ay,az,gx,gy,gz (s, m/s^2, rad/s), optional qw,qx,qy,qz and shank_ax..shank_gz;',
    '    lines starting with # are comments.',
    '  A landmark file may name its tool: "source":"blazepose-full"; only BlazePose landmarks get the',
    '  BlazePose degree correction, others are taken as they are.',
    "Degrees from video follow the foot's own pixels (see the README for their measured accuracy).",
    'A recording filmed from the front, of a person standing, or with the whole leg moving (walking,',
    'squats) is not counted: the report says why.',
  ].join('\n'),
  positionals: [
    { name: 'file', description: 'the video, landmark JSON or sensor CSV to analyse', required: true },
  ],
  options: [
    { name: 'json', type: 'boolean', description: 'print the report as JSON (stable shape, see README)' },
    { name: 'series', type: 'boolean', description: 'with --json: add the angle of each foot over time' },
    {
      name: 'plot',
      type: 'string',
      valueName: 'out.svg|out.png',
      description: 'draw the angle over time, reps and holds',
    },
    {
      name: 'side',
      type: 'string',
      choices: ['left', 'right', 'both'],
      description: 'which foot: sensor CSV default right; video/landmarks default both',
    },
    {
      name: 'fps',
      type: 'number',
      min: 1,
      max: 60,
      default: 15,
      valueName: 'Hz',
      description: 'video frames analysed per second (pumps are slow: 15 is plenty)',
    },
    {
      name: 'plantar-hold',
      type: 'number',
      min: 0,
      max: 30,
      default: 1,
      valueName: 's',
      description: 'prescribed toes-down hold, seconds (shorter holds are flagged)',
    },
    {
      name: 'dorsi-hold',
      type: 'number',
      min: 0,
      max: 30,
      default: 1,
      valueName: 's',
      description: 'prescribed toes-up hold, seconds',
    },
    {
      name: 'gain',
      type: 'number',
      min: 0.2,
      max: 5,
      valueName: 'x',
      description:
        'camera angle correction (degrees = x times the pose angle); default measured for the model',
    },
    {
      name: 'calibrate-with',
      type: 'string',
      valueName: 'sensor.csv',
      description:
        'video/landmarks: a sensor CSV from the phone on the filmed foot, recorded at the same time; 2 or more reps seen by both set the camera degree gain',
    },
    {
      name: 'source',
      type: 'string',
      valueName: 'tool',
      description:
        'landmark JSON: the tool that made it, overriding the file\'s "source" (blazepose... gets the BlazePose correction; others are taken as they are)',
    },
    {
      name: 'tracker',
      type: 'string',
      choices: ['on', 'off'],
      default: 'on',
      description:
        "video: follow the foot's own pixels (on) or use the pose model's foot points, corrected (off)",
    },
    { name: 'quiet', alias: 'q', type: 'boolean', description: 'no progress bar' },
  ],
  examples: [
    'anklepump analyze clip.mp4 --plot clip.svg',
    'anklepump analyze clip.mp4 --side right --json --series > report.json',
    'anklepump analyze phone-log.csv --side left',
    'anklepump analyze clip.mp4 --calibrate-with phone-log.csv',
  ],
  exitCodes: [
    { code: EXIT.ok, meaning: 'analysed; the report is on stdout' },
    { code: EXIT.inputNotFound, meaning: 'the file does not exist' },
    {
      code: EXIT.badInput,
      meaning: 'the file is unreadable, malformed or of an unsupported kind (the message says where)',
    },
    {
      code: EXIT.unavailable,
      meaning: 'ffmpeg, Chromium or the pose model is missing (the message says how to install it)',
    },
    { code: EXIT.outputFailed, meaning: 'the --plot file could not be written' },
    { code: EXIT.nothingFound, meaning: 'no person, or no foot, was found in the recording' },
  ],
  load: () => import('./analyze-run.ts'),
};
