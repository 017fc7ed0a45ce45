// "Check the camera's degrees with your phone" (issue 9, item 3): the phone on the foot counts a few
// pumps while the camera watches, then shows what it measured as a QR code; the camera reads the
// code from its own picture and fits its view's degree gain (motion's fitPhoneGain). Nothing goes
// over a network: the code carries only the reps' times and ranges. Pure: text and pixels in and out.
import type { Side, TimedRange } from '@anklepump/exercise';
import jsQR from 'jsqr';
import qrcode from 'qrcode-generator';

/** What the phone measured: the foot it lay on and its reps (epoch ms, degrees). */
export interface PhoneCheck {
  readonly side: Side;
  readonly reps: readonly TimedRange[];
}

export type DecodedPhoneCheck =
  | { readonly ok: true; readonly check: PhoneCheck }
  | { readonly ok: false; readonly reason: string };

/**
 * Pumps both must see: the live camera's degrees vary rep to rep (a 45-degree pump read 28-56 on
 * a loaded machine), so the gain is the median of three ratios at least, one stray rep outvoted.
 */
export const PHONE_CHECK_MIN_REPS = 3;

/** The code's first field: which app and version wrote it. */
const TAG = 'APC-PHONE1';
/** Most reps a code carries (a few are enough; the code stays small enough to read from afar). */
export const MAX_CODE_REPS = 12;
/** Largest range a rep can have, degrees (beyond any ankle). */
const MAX_RANGE_DEG = 180;

/**
 * The code's text: `APC-PHONE1|L|<first rep, epoch ms>|<ms after it>:<range in tenths of a degree>,...`.
 * Only the last MAX_CODE_REPS reps are kept.
 */
export function encodePhoneCheck(check: PhoneCheck): string {
  const reps = check.reps.slice(-MAX_CODE_REPS);
  const base = Math.round(reps[0]?.atMs ?? 0);
  const body = reps.map((r) => `${Math.round(r.atMs) - base}:${Math.round(r.rangeDeg * 10)}`).join(',');
  return `${TAG}|${check.side === 'left' ? 'L' : 'R'}|${base}|${body}`;
}

const INT = /^\d{1,15}$/;

/** Reads a code's text, saying what is wrong with one that is not the phone's. */
export function decodePhoneCheck(text: string): DecodedPhoneCheck {
  const bad = (reason: string): DecodedPhoneCheck => ({ ok: false, reason });
  const parts = text.trim().split('|');
  if (parts[0] !== TAG) return bad('this is not a code from the phone check of Ankle Pump Coach');
  if (parts.length !== 4) return bad(`the code has ${parts.length} fields; 4 expected`);
  const [, sideText, baseText, body] = parts as [string, string, string, string];
  if (sideText !== 'L' && sideText !== 'R') return bad(`foot "${sideText}": L or R expected`);
  if (!INT.test(baseText)) return bad(`start time "${baseText}" is not a whole number of ms`);
  const base = Number(baseText);
  const reps: TimedRange[] = [];
  const items = body === '' ? [] : body.split(',');
  if (items.length > MAX_CODE_REPS) return bad(`${items.length} reps; at most ${MAX_CODE_REPS}`);
  for (const [i, item] of items.entries()) {
    const [dt, range, extra] = item.split(':');
    if (extra !== undefined || dt === undefined || range === undefined || !INT.test(dt) || !INT.test(range)) {
      return bad(`rep ${i + 1} "${item}": <ms>:<tenths of a degree> expected`);
    }
    const rangeDeg = Number(range) / 10;
    if (rangeDeg <= 0 || rangeDeg > MAX_RANGE_DEG) {
      return bad(`rep ${i + 1}: range ${rangeDeg} deg is outside 0-${MAX_RANGE_DEG}`);
    }
    const atMs = base + Number(dt);
    if (reps.length > 0 && atMs <= reps.at(-1)!.atMs) return bad(`rep ${i + 1} is not after rep ${i}`);
    reps.push({ atMs, rangeDeg });
  }
  return { ok: true, check: { side: sideText === 'L' ? 'left' : 'right', reps } };
}

/** The QR code of `text` as rows of modules (true = dark), medium error correction. */
export function qrModules(text: string): boolean[][] {
  const q = qrcode(0, 'M');
  q.addData(text, 'Byte');
  q.make();
  const n = q.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => q.isDark(r, c)));
}

/** The text of a QR code found in an RGBA picture, or null. */
export function readQrCode(rgba: Uint8ClampedArray, widthPx: number, heightPx: number): string | null {
  return jsQR(rgba, widthPx, heightPx, { inversionAttempts: 'dontInvert' })?.data ?? null;
}
