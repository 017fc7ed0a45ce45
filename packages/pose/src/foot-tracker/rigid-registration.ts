// Rigid (rotation + translation) image registration of a masked template patch, inverse-compositional
// Lucas-Kanade, coarse to fine, with brightness normalisation (a patch that gets darker is the same
// patch) and Tukey weights (background and the other foot that do not move with the patch are
// down-weighted instead of dragging the rotation toward zero).
import { type GrayImage, grayCrop, type PixelFrame, pyramid, sample } from './gray-image.ts';

export type Point = readonly [x: number, y: number];

interface TemplateLevel {
  readonly n: number;
  /** Offsets from the template centre, in this level's pixels. */
  readonly px: Float32Array;
  readonly py: Float32Array;
  /** Template values, normalised to zero mean and unit variance. */
  readonly t: Float32Array;
  /** Steepest-descent images (rotation, x, y) at the identity warp. */
  readonly sd: Float32Array;
}

/** A patch captured from one frame, ready to be found again in later frames. */
export interface PatchTemplate {
  /** Patch centre in the frame it was captured from, pixels. */
  readonly centreX: number;
  readonly centreY: number;
  /** Distance from the centre to the farthest patch pixel, pixels. */
  readonly radiusPx: number;
  /** Finest level first. */
  readonly levels: readonly TemplateLevel[];
}

/** Where the patch is: its centre (pixels) and its rotation from the captured patch (radians, image y down). */
export interface RigidPose {
  readonly cx: number;
  readonly cy: number;
  readonly angleRad: number;
}

export interface Registration extends RigidPose {
  /** Normalised cross-correlation of the patch with the template at the found pose, -1..1. */
  readonly ncc: number;
  /** Share of the patch inside the picture, 0..1. */
  readonly coverage: number;
}

const toLevel = (v: number, k: number) => (v + 0.5) / (1 << k) - 0.5;

function insidePolygon(x: number, y: number, poly: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Number of pyramid levels that keeps the patch at least ~24 px across at the coarsest (1..4). */
export function levelsFor(radiusPx: number): number {
  return Math.max(1, Math.min(4, Math.floor(Math.log2(Math.max(1, radiusPx / 12))) + 1));
}

/**
 * Captures the pixels of `frame` inside `polygon` (frame pixels) as a template, or null when the
 * patch is too small, leaves the picture or has no texture to register on.
 * @param maxPoints cap on template pixels per level (evenly thinned beyond it).
 */
export function captureTemplate(
  frame: PixelFrame,
  polygon: readonly Point[],
  maxPoints = 2500,
): PatchTemplate | null {
  let cx = 0;
  let cy = 0;
  for (const [x, y] of polygon) {
    cx += x / polygon.length;
    cy += y / polygon.length;
  }
  let radius = 0;
  for (const [x, y] of polygon) radius = Math.max(radius, Math.hypot(x - cx, y - cy));
  if (!(radius >= 4) || !Number.isFinite(cx + cy)) return null;
  const nLevels = levelsFor(radius);
  const margin = 2 + (2 << nLevels);
  const crop = grayCrop(
    frame,
    cx - radius - margin,
    cy - radius - margin,
    cx + radius + margin,
    cy + radius + margin,
  );
  if (crop.widthPx < 8 || crop.heightPx < 8) return null;
  const pyr = pyramid(crop, nLevels);
  const levels: TemplateLevel[] = [];
  for (let k = 0; k < nLevels; k++) {
    const img = pyr[k]!;
    const s = 1 / (1 << k);
    const poly = polygon.map(([x, y]) => [toLevel(x, k), toLevel(y, k)] as const);
    const ckx = toLevel(cx, k);
    const cky = toLevel(cy, k);
    const xs: number[] = [];
    const ys: number[] = [];
    const vs: number[] = [];
    const gxs: number[] = [];
    const gys: number[] = [];
    const r = radius * s + 1;
    const ax = Math.max(1, Math.floor(ckx - r - img.x0));
    const bx = Math.min(img.widthPx - 2, Math.ceil(ckx + r - img.x0));
    const ay = Math.max(1, Math.floor(cky - r - img.y0));
    const by = Math.min(img.heightPx - 2, Math.ceil(cky + r - img.y0));
    const d = img.data;
    const w = img.widthPx;
    let inside = 0;
    for (let y = ay; y <= by; y++) {
      for (let x = ax; x <= bx; x++) if (insidePolygon(x + img.x0, y + img.y0, poly)) inside++;
    }
    const stride = Math.max(1, Math.ceil(Math.sqrt(inside / maxPoints)));
    for (let y = ay; y <= by; y += stride) {
      for (let x = ax; x <= bx; x += stride) {
        const fx = x + img.x0;
        const fy = y + img.y0;
        if (!insidePolygon(fx, fy, poly)) continue;
        const i = y * w + x;
        xs.push(fx - ckx);
        ys.push(fy - cky);
        vs.push(d[i]!);
        gxs.push(0.5 * (d[i + 1]! - d[i - 1]!));
        gys.push(0.5 * (d[i + w]! - d[i - w]!));
      }
    }
    const n = xs.length;
    // A coarse level with a few dozen pixels converges anywhere: stop the pyramid before it.
    if (n < (k === 0 ? 24 : 60)) break;
    let mean = 0;
    for (const v of vs) mean += v / n;
    let varSum = 0;
    for (const v of vs) varSum += (v - mean) * (v - mean);
    const sd = Math.sqrt(varSum / n);
    // A flat patch (sd of a grey level or less) has nothing to register on.
    if (!(sd > 1)) return k === 0 ? null : { centreX: cx, centreY: cy, radiusPx: radius, levels };
    const level: TemplateLevel = {
      n,
      px: Float32Array.from(xs),
      py: Float32Array.from(ys),
      t: Float32Array.from(vs, (v) => (v - mean) / sd),
      sd: new Float32Array(3 * n),
    };
    for (let i = 0; i < n; i++) {
      const gx = gxs[i]! / sd;
      const gy = gys[i]! / sd;
      level.sd[3 * i] = gx * -ys[i]! + gy * xs[i]!;
      level.sd[3 * i + 1] = gx;
      level.sd[3 * i + 2] = gy;
    }
    levels.push(level);
  }
  if (levels.length === 0) return null;
  return { centreX: cx, centreY: cy, radiusPx: radius, levels };
}

/** The pyramid of the region of `frame` where the template is looked for (centre +- reach pixels). */
export function searchRegion(
  frame: PixelFrame,
  template: PatchTemplate,
  cx: number,
  cy: number,
  reachPx: number,
): GrayImage[] {
  const r = template.radiusPx + reachPx + (2 << template.levels.length);
  return pyramid(grayCrop(frame, cx - r, cy - r, cx + r, cy + r), template.levels.length);
}

function solve3(h: Float64Array, b: Float64Array, out: Float64Array): boolean {
  const [a, bb, c, d, e, f, g, hh, i] = h as unknown as number[];
  const A = e! * i! - f! * hh!;
  const B = -(d! * i! - f! * g!);
  const C = d! * hh! - e! * g!;
  const det = a! * A + bb! * B + c! * C;
  if (!(Math.abs(det) > 1e-12)) return false;
  const inv = [
    A,
    -(bb! * i! - c! * hh!),
    bb! * f! - c! * e!,
    B,
    a! * i! - c! * g!,
    -(a! * f! - c! * d!),
    C,
    -(a! * hh! - bb! * g!),
    a! * e! - bb! * d!,
  ];
  for (let r = 0; r < 3; r++) {
    out[r] = (inv[3 * r]! * b[0]! + inv[3 * r + 1]! * b[1]! + inv[3 * r + 2]! * b[2]!) / det;
  }
  return true;
}

const H = new Float64Array(9);
const B = new Float64Array(3);
const D = new Float64Array(3);

/** Normalised values of the image under the template's points at a pose; NaN where outside. */
function warpedValues(
  lv: TemplateLevel,
  img: GrayImage,
  ckx: number,
  cky: number,
  angle: number,
  out: Float32Array,
): { valid: number } {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  let n = 0;
  let sum = 0;
  let sum2 = 0;
  for (let i = 0; i < lv.n; i++) {
    const px = lv.px[i]!;
    const py = lv.py[i]!;
    const v = sample(img, ckx + c * px - s * py, cky + s * px + c * py);
    out[i] = v;
    if (!Number.isNaN(v)) {
      n++;
      sum += v;
      sum2 += v * v;
    }
  }
  if (n < 8) return { valid: n };
  const mean = sum / n;
  const sd = Math.sqrt(Math.max(1e-6, sum2 / n - mean * mean));
  for (let i = 0; i < lv.n; i++) out[i] = (out[i]! - mean) / sd;
  return { valid: n };
}

/**
 * Finds the template in `region` (from searchRegion) starting at `init`; returns the refined pose,
 * its NCC and coverage. Pure: the same inputs give the same answer.
 */
export function registerRigid(
  template: PatchTemplate,
  region: readonly GrayImage[],
  init: RigidPose,
  maxIterations = 12,
): Registration {
  let angle = init.angleRad;
  let cx = init.cx;
  let cy = init.cy;
  let buf = new Float32Array(0);
  for (let k = template.levels.length - 1; k >= 0; k--) {
    const lv = template.levels[k]!;
    const img = region[k]!;
    if (buf.length < lv.n) buf = new Float32Array(lv.n);
    const sc = 1 << k;
    let ckx = toLevel(cx, k);
    let cky = toLevel(cy, k);
    const iters = k === 0 ? maxIterations : maxIterations + 4;
    for (let it = 0; it < iters; it++) {
      const { valid } = warpedValues(lv, img, ckx, cky, angle, buf);
      if (valid < 0.5 * lv.n) break;
      // Tukey biweight on the residual, its scale from the mean absolute residual.
      let absSum = 0;
      for (let i = 0; i < lv.n; i++) {
        const e = buf[i]! - lv.t[i]!;
        if (!Number.isNaN(e)) absSum += Math.abs(e);
      }
      const cut = Math.max(0.5, 4.685 * 1.25 * (absSum / valid));
      H.fill(0);
      B.fill(0);
      for (let i = 0; i < lv.n; i++) {
        const e = buf[i]! - lv.t[i]!;
        if (Number.isNaN(e)) continue;
        const u = e / cut;
        if (u >= 1 || u <= -1) continue;
        const w = (1 - u * u) * (1 - u * u);
        const s0 = lv.sd[3 * i]!;
        const s1 = lv.sd[3 * i + 1]!;
        const s2 = lv.sd[3 * i + 2]!;
        H[0]! += w * s0 * s0;
        H[1]! += w * s0 * s1;
        H[2]! += w * s0 * s2;
        H[4]! += w * s1 * s1;
        H[5]! += w * s1 * s2;
        H[8]! += w * s2 * s2;
        B[0]! += w * s0 * e;
        B[1]! += w * s1 * e;
        B[2]! += w * s2 * e;
      }
      H[3] = H[1]!;
      H[6] = H[2]!;
      H[7] = H[5]!;
      if (!solve3(H, B, D)) break;
      const dTheta = Math.max(-0.3, Math.min(0.3, D[0]!));
      const dx = Math.max(-4, Math.min(4, D[1]!));
      const dy = Math.max(-4, Math.min(4, D[2]!));
      // Inverse composition: W <- W o W(delta)^-1.
      angle -= dTheta;
      const c = Math.cos(angle);
      const s = Math.sin(angle);
      ckx -= c * dx - s * dy;
      cky -= s * dx + c * dy;
      if (Math.abs(dTheta) < 2e-4 && Math.abs(dx) < 0.02 && Math.abs(dy) < 0.02) break;
    }
    cx = (ckx + 0.5) * sc - 0.5;
    cy = (cky + 0.5) * sc - 0.5;
  }
  const lv0 = template.levels[0]!;
  if (buf.length < lv0.n) buf = new Float32Array(lv0.n);
  const { valid } = warpedValues(lv0, region[0]!, cx, cy, angle, buf);
  let ncc = -1;
  if (valid >= 8) {
    let dot = 0;
    for (let i = 0; i < lv0.n; i++) {
      const v = buf[i]!;
      if (!Number.isNaN(v)) dot += v * lv0.t[i]!;
    }
    ncc = dot / valid;
  }
  return { cx, cy, angleRad: angle, ncc, coverage: valid / lv0.n };
}
