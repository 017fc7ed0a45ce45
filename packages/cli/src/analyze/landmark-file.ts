// Reads the landmark JSON file format (MediaPipe landmarks per frame, x and y normalized to the
// image) into LandmarkFrames, with errors that say which frame and field is wrong.
import { BLAZEPOSE_LANDMARK_COUNT, type Landmark, type LandmarkFrame } from '@anklepump/motion';
import { CliError } from '../exit-codes.ts';
import { jsonErrorOffset } from './json-error-position.ts';

export interface LandmarkRecording {
  readonly frameRateHz: number;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly frames: LandmarkFrame[];
  /**
   * The tool that made the landmarks, as the file names it (`"source": "blazepose-full"`,
   * `"mediapipe-pose-heavy"`, `"openpose-body25"`...), or null when the file does not say.
   */
  readonly source: string | null;
}

function bad(path: string, where: string, what: string): CliError {
  return new CliError('bad-input', `${path}: ${where}: ${what}`);
}

/** Line and column of a character offset, 1-based. */
function lineCol(text: string, pos: number): string {
  const before = text.slice(0, pos).split('\n');
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

function num(v: unknown, path: string, where: string, lo: number, hi: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi) {
    throw bad(path, where, `expected a number in ${lo}..${hi}, got ${JSON.stringify(v) ?? 'nothing'}`);
  }
  return v;
}

function rows(v: unknown, path: string, where: string): Landmark[] | null {
  if (v === null || v === undefined) return null;
  if (!Array.isArray(v) || v.length !== BLAZEPOSE_LANDMARK_COUNT) {
    throw bad(path, where, `expected null or ${BLAZEPOSE_LANDMARK_COUNT} rows of [x, y, z, visibility]`);
  }
  return v.map((row, i) => {
    if (!Array.isArray(row) || row.length !== 4)
      throw bad(path, `${where}[${i}]`, 'expected [x, y, z, visibility]');
    return [
      num(row[0], path, `${where}[${i}][0] (x)`, -10, 10),
      num(row[1], path, `${where}[${i}][1] (y)`, -10, 10),
      num(row[2], path, `${where}[${i}][2] (z)`, -1e6, 1e6),
      num(row[3], path, `${where}[${i}][3] (visibility)`, 0, 1),
    ] as const;
  });
}

/** Parses a landmark file's text. Throws CliError 'bad-input' naming the place of the first problem. */
export function parseLandmarkFile(text: string, path: string): LandmarkRecording {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const pos = jsonErrorOffset(text.replace(/^\uFEFF/, ''));
    const at = pos >= 0 ? ` at ${lineCol(text, pos)}` : '';
    throw new CliError('bad-input', `${path}: not valid JSON${at} (${(e as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw bad(path, 'top level', 'expected an object');
  const d = data as Record<string, unknown>;
  if (d.version !== 1)
    throw bad(path, 'version', `expected 1, got ${JSON.stringify(d.version) ?? 'nothing'}`);
  const frameRateHz = num(d.frameRateHz, path, 'frameRateHz', 1, 1000);
  let source: string | null = null;
  if (d.source !== undefined && d.source !== null) {
    if (typeof d.source !== 'string' || d.source.trim() === '' || d.source.length > 100) {
      throw bad(
        path,
        'source',
        `expected the name of the tool that made the landmarks (text, up to 100 characters), got ${JSON.stringify(d.source).slice(0, 60)}`,
      );
    }
    source = d.source.trim();
  }
  const widthPx = num(d.width, path, 'width', 1, 100_000);
  const heightPx = num(d.height, path, 'height', 1, 100_000);
  if (!Array.isArray(d.frames)) throw bad(path, 'frames', 'expected an array of frames');
  if (d.frames.length === 0) throw bad(path, 'frames', 'the recording has no frames');
  const frames: LandmarkFrame[] = d.frames.map((f: unknown, i: number) => {
    const where = `frames[${i}]`;
    if (typeof f !== 'object' || f === null) throw bad(path, where, 'expected an object {tS, landmarks}');
    const fr = f as Record<string, unknown>;
    const tS = num(fr.tS, path, `${where}.tS`, 0, 1e7);
    const landmarks = rows(fr.landmarks, path, `${where}.landmarks`);
    const world = rows(fr.world, path, `${where}.world`);
    return { tMs: tS * 1000, landmarks, world, widthPx, heightPx };
  });
  return { frameRateHz, widthPx, heightPx, frames, source };
}
