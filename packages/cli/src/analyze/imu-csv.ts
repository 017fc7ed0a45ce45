// Reads a motion-sensor CSV (phone or IMU on the foot, optionally a second one on the shin) straight
// into the motion engine's samples, with errors that name the line and column that is wrong.
import type { ImuReading, ImuSample } from '@anklepump/motion';
import { CliError } from '../exit-codes.ts';

export interface ImuRecording {
  /** The rows as the engine's samples: the CSV's seconds become `tMs`. */
  readonly samples: ImuSample[];
  readonly hasQuaternion: boolean;
  readonly hasShank: boolean;
  /** Median sample rate (samples per second). */
  readonly frameRateHz: number;
  readonly durationS: number;
}

const FOOT = ['ax', 'ay', 'az', 'gx', 'gy', 'gz'] as const;
const QUAT = ['qw', 'qx', 'qy', 'qz'] as const;
const SHANK = FOOT.map((c) => `shank_${c}`);

/** Parses the CSV text. Throws CliError 'bad-input' naming the first problem's line and column. */
export function parseImuCsv(text: string, path: string): ImuRecording {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let lineNo = 0;
  let header: string[] | null = null;
  const rows: ImuSample[] = [];
  let col: Record<string, number> = {};
  let hasQuaternion = false;
  let hasShank = false;
  for (const raw of lines) {
    lineNo++;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const cells = line.split(',').map((c) => c.trim());
    if (!header) {
      header = cells.map((c) => c.toLowerCase());
      col = Object.fromEntries(header.map((h, i) => [h, i]));
      const missing = ['t', ...FOOT].filter((c) => col[c] === undefined);
      if (missing.length > 0) {
        throw new CliError(
          'bad-input',
          `${path}: line ${lineNo}: the header lacks column(s) ${missing.join(', ')}; expected t,ax,ay,az,gx,gy,gz ` +
            `(optional qw,qx,qy,qz and shank_ax..shank_gz), got "${line.slice(0, 80)}"`,
        );
      }
      hasQuaternion = QUAT.every((c) => col[c] !== undefined);
      const someShank = SHANK.filter((c) => col[c] !== undefined);
      if (someShank.length > 0 && someShank.length < SHANK.length) {
        const lack = SHANK.filter((c) => col[c] === undefined).join(', ');
        throw new CliError(
          'bad-input',
          `${path}: line ${lineNo}: the shin sensor columns are incomplete (missing ${lack})`,
        );
      }
      hasShank = someShank.length === SHANK.length;
      continue;
    }
    if (cells.length !== header.length) {
      throw new CliError(
        'bad-input',
        `${path}: line ${lineNo}: ${cells.length} values for ${header.length} columns (${header.join(',')})`,
      );
    }
    const get = (name: string): number => {
      const s = cells[col[name]!]!;
      const v = s === '' ? Number.NaN : Number(s);
      if (!Number.isFinite(v)) {
        throw new CliError(
          'bad-input',
          `${path}: line ${lineNo}, column ${name}: "${s}" is not a finite number`,
        );
      }
      return v;
    };
    const reading = (prefix: string): ImuReading => ({
      ax: get(`${prefix}ax`),
      ay: get(`${prefix}ay`),
      az: get(`${prefix}az`),
      gx: get(`${prefix}gx`),
      gy: get(`${prefix}gy`),
      gz: get(`${prefix}gz`),
    });
    const foot = reading('');
    rows.push({
      tMs: get('t') * 1000,
      ...foot,
      q: hasQuaternion ? [get('qw'), get('qx'), get('qy'), get('qz')] : null,
      shank: hasShank ? reading('shank_') : null,
    });
  }
  if (!header) throw new CliError('bad-input', `${path}: no header row (expected t,ax,ay,az,gx,gy,gz)`);
  if (rows.length < 2) throw new CliError('bad-input', `${path}: fewer than 2 data rows: nothing to analyse`);
  const dts = rows
    .slice(1)
    .map((r, i) => (r.tMs - rows[i]!.tMs) / 1000)
    .filter((d) => d > 0)
    .sort((a, b) => a - b);
  const mid = dts[dts.length >> 1];
  return {
    samples: rows,
    hasQuaternion,
    hasShank,
    frameRateHz: mid ? 1 / mid : 0,
    durationS: (rows.at(-1)!.tMs - rows[0]!.tMs) / 1000,
  };
}
