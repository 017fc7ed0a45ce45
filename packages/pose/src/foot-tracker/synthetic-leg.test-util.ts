// Draws a side view of a lower leg for the tracker's tests: a shank and a foot hinged at the ankle,
// each with its own shading and spots, on a static, faintly textured background. The true ankle
// angle is known exactly, and so are the landmarks a perfect pose model would give.
import type { PixelFrame } from './gray-image.ts';

export interface SyntheticLeg {
  /** Ankle angle, degrees: dorsiflexion positive (toes toward the shin). */
  readonly ankleDeg: number;
  /** Shank rotation about the knee from vertical, degrees (a lifted or moving leg). */
  readonly shankDeg?: number;
  /** Shift of the whole leg, pixels. */
  readonly shiftX?: number;
  readonly shiftY?: number;
  /** Brightness factor (light changes), default 1. */
  readonly gain?: number;
  /** Cover the foot with a plain "blanket". */
  readonly covered?: boolean;
  /**
   * 0..1: how far the foot's look has changed (a shoe turning partly out of the picture's plane at
   * a held toes-down): that share of its spots moves elsewhere. Default 0.
   */
  readonly footTurnedOut?: number;
}

export interface SyntheticLandmarks {
  readonly knee: readonly [number, number];
  readonly ankle: readonly [number, number];
  readonly heel: readonly [number, number];
  readonly toe: readonly [number, number];
}

export const SYN_W = 320;
export const SYN_H = 240;
const KNEE: readonly [number, number] = [110, 40];
const SHANK_LEN = 120;
const FOOT_LEN = 70;
const RAD = Math.PI / 180;

function hash(x: number, y: number): number {
  const s = Math.sin(x * 12.9898 + y * 78.233) * 43758.5453;
  return s - Math.floor(s);
}

/** Where the joints are for `leg` (pixels). The foot points right, the toes up is dorsiflexion. */
export function legLandmarks(leg: SyntheticLeg): SyntheticLandmarks {
  const sh = (leg.shankDeg ?? 0) * RAD;
  const k: [number, number] = [KNEE[0] + (leg.shiftX ?? 0), KNEE[1] + (leg.shiftY ?? 0)];
  const a: [number, number] = [k[0] - Math.sin(sh) * SHANK_LEN, k[1] + Math.cos(sh) * SHANK_LEN];
  // Foot direction: perpendicular to the shank at neutral, rotated up by the ankle angle.
  const fd = sh - leg.ankleDeg * RAD;
  const ux = Math.cos(fd);
  const uy = Math.sin(fd);
  const heel: [number, number] = [
    a[0] - 0.2 * FOOT_LEN * ux + 12 * -uy,
    a[1] - 0.2 * FOOT_LEN * uy + 12 * ux,
  ];
  const toe: [number, number] = [heel[0] + FOOT_LEN * ux, heel[1] + FOOT_LEN * uy];
  return { knee: k, ankle: a, heel, toe };
}

/** Renders the leg as an RGBA frame (SYN_W x SYN_H). */
export function drawLeg(leg: SyntheticLeg): PixelFrame {
  const { knee, ankle } = legLandmarks(leg);
  const sh = (leg.shankDeg ?? 0) * RAD;
  const fd = sh - leg.ankleDeg * RAD;
  const fc = Math.cos(fd);
  const fs = Math.sin(fd);
  const sc = Math.cos(sh);
  const ss = Math.sin(sh);
  const g = leg.gain ?? 1;
  const data = new Uint8ClampedArray(SYN_W * SYN_H * 4);
  for (let y = 0; y < SYN_H; y++) {
    for (let x = 0; x < SYN_W; x++) {
      // Background: static, faint texture.
      let v = 150 + 20 * hash(Math.floor(x / 6), Math.floor(y / 6)) + (y > 200 ? -50 : 0);
      // Shank: a bar from knee to ankle, in its own frame (u along, w across).
      const kx = x - knee[0];
      const ky = y - knee[1];
      const su = kx * -ss + ky * sc;
      const sw = kx * sc + ky * ss;
      if (su > -10 && su < SHANK_LEN + 6 && Math.abs(sw) < 16 - su * 0.04) {
        v = 90 + 40 * (sw / 16) + 25 * (hash(Math.floor(su / 5), Math.floor(sw / 5) + 99) > 0.7 ? 1 : 0);
      }
      // Foot: a wedge from the ankle, in its own frame (u along the foot, w toward the sole).
      const ax = x - ankle[0];
      const ay = y - ankle[1];
      const fu = ax * fc + ay * fs;
      const fw = -ax * fs + ay * fc;
      const top = -14 + (fu / FOOT_LEN) * 10;
      if (fu > -0.25 * FOOT_LEN && fu < 0.8 * FOOT_LEN && fw > top && fw < 16) {
        const cu = Math.floor((fu + 40) / 5) + 7;
        const cw = Math.floor((fw + 20) / 5);
        const moved = hash(cu + 31, cw + 57) < (leg.footTurnedOut ?? 0);
        v = 70 + 60 * ((fw + 14) / 30) + 45 * (hash(moved ? cu + 101 : cu, cw) > 0.75 ? 1 : 0);
      }
      // A blanket: a broad, plain mound over the whole foot.
      if (leg.covered && Math.hypot(ax - 0.3 * FOOT_LEN, ay) < 0.9 * FOOT_LEN) v = 205 - 0.3 * ay;
      v *= g;
      const o = 4 * (y * SYN_W + x);
      data[o] = v;
      data[o + 1] = v;
      data[o + 2] = v;
      data[o + 3] = 255;
    }
  }
  return { data, widthPx: SYN_W, heightPx: SYN_H };
}
