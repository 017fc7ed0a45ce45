// Reads a motion-sensor CSV (phone or IMU on the foot, optionally a second one on the shin) into
// typed rows, with errors that name the line and column that is wrong.
import { CliError } from '../exit-codes.ts';

/** One sensor reading: accelerations in m/s^2 with gravity, angular rates in rad/s. */
export interface Accel6 {
  readonly ax: number;
  readonly ay: number;
  readonly az: number;
  readonly gx: number;
  readonly gy: number;
  readonly gz: number;
}

export interface ImuRow extends Accel6 {
  /** Seconds from the start of the log. */
  readonly tS: number;
  /** Orientation quaternion (w, x, y, z) when the log has one. */
  readonly q: readonly [number, number, number, number] | null;
  /** The shin sensor's reading when the log has one. */
  readonly shank: Accel6 | null;
}

export interface ImuRecording {
  readonly rows: ImuRow[];
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
  const rows: ImuRow[] = [];
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
    const foot = Object.fromEntries(FOOT.map((c) => [c, get(c)])) as unknown as Accel6;
    rows.push({
      tS: get('t'),
      ...foot,
      q: hasQuaternion ? [get('qw'), get('qx'), get('qy'), get('qz')] : null,
      shank: hasShank
        ? (Object.fromEntries(FOOT.map((c) => [c, get(`shank_${c}`)])) as unknown as Accel6)
        : null,
    });
  }
  if (!header) throw new CliError('bad-input', `${path}: no header row (expected t,ax,ay,az,gx,gy,gz)`);
  if (rows.length < 2) throw new CliError('bad-input', `${path}: fewer than 2 data rows: nothing to analyse`);
  const dts = rows
    .slice(1)
    .map((r, i) => r.tS - rows[i]!.tS)
    .filter((d) => d > 0)
    .sort((a, b) => a - b);
  const mid = dts[dts.length >> 1];
  return {
    rows,
    hasQuaternion,
    hasShank,
    frameRateHz: mid ? 1 / mid : 0,
    durationS: rows.at(-1)!.tS - rows[0]!.tS,
  };
}
