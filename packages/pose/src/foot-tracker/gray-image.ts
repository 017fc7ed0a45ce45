// Grey-level crops and pyramids for the pixel stage: only the region around a tracked patch is
// converted, so a 1280x720 frame costs a few thousand pixels, not a million.

/** A camera frame as the browser (ImageData) or ffmpeg (RGBA buffer) gives it, or one grey channel. */
export interface PixelFrame {
  readonly data: Uint8Array | Uint8ClampedArray;
  readonly widthPx: number;
  readonly heightPx: number;
  /** 4 for RGBA (the default), 1 for grey. */
  readonly channels?: 1 | 4;
}

/** A grey crop: pixel (x, y) of the crop is pixel (x + x0, y + y0) of the frame it came from. */
export interface GrayImage {
  readonly data: Float32Array;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly x0: number;
  readonly y0: number;
}

/** The grey crop [x0, x1) x [y0, y1) of `frame`, clipped to the frame (Rec. 601 luma, 0..255). */
export function grayCrop(frame: PixelFrame, x0: number, y0: number, x1: number, y1: number): GrayImage {
  const ch = frame.channels ?? 4;
  const ax = Math.max(0, Math.floor(x0));
  const ay = Math.max(0, Math.floor(y0));
  const bx = Math.min(frame.widthPx, Math.ceil(x1));
  const by = Math.min(frame.heightPx, Math.ceil(y1));
  const w = Math.max(0, bx - ax);
  const h = Math.max(0, by - ay);
  const out = new Float32Array(w * h);
  const src = frame.data;
  for (let y = 0; y < h; y++) {
    let s = ((y + ay) * frame.widthPx + ax) * ch;
    let o = y * w;
    if (ch === 1) {
      for (let x = 0; x < w; x++) out[o++] = src[s++]!;
    } else {
      for (let x = 0; x < w; x++, s += 4)
        out[o++] = 0.299 * src[s]! + 0.587 * src[s + 1]! + 0.114 * src[s + 2]!;
    }
  }
  return { data: out, widthPx: w, heightPx: h, x0: ax, y0: ay };
}

/** Half-size image (2x2 box average); its x0/y0 are in the half-size frame's coordinates. */
export function halve(img: GrayImage): GrayImage {
  const w = img.widthPx >> 1;
  const h = img.heightPx >> 1;
  const out = new Float32Array(w * h);
  const src = img.data;
  const sw = img.widthPx;
  for (let y = 0; y < h; y++) {
    const r0 = 2 * y * sw;
    const r1 = r0 + sw;
    for (let x = 0; x < w; x++) {
      const c = 2 * x;
      out[y * w + x] = 0.25 * (src[r0 + c]! + src[r0 + c + 1]! + src[r1 + c]! + src[r1 + c + 1]!);
    }
  }
  return { data: out, widthPx: w, heightPx: h, x0: img.x0 / 2, y0: img.y0 / 2 };
}

/** 3-tap binomial blur (1 2 1) in both directions: takes the pixel noise out of gradients. */
export function blur(img: GrayImage): GrayImage {
  const { widthPx: w, heightPx: h, data } = img;
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const r = y * w;
    for (let x = 0; x < w; x++) {
      const l = data[r + Math.max(0, x - 1)]!;
      const rr = data[r + Math.min(w - 1, x + 1)]!;
      tmp[r + x] = 0.25 * l + 0.5 * data[r + x]! + 0.25 * rr;
    }
  }
  for (let y = 0; y < h; y++) {
    const u = Math.max(0, y - 1) * w;
    const d = Math.min(h - 1, y + 1) * w;
    const r = y * w;
    for (let x = 0; x < w; x++) out[r + x] = 0.25 * tmp[u + x]! + 0.5 * tmp[r + x]! + 0.25 * tmp[d + x]!;
  }
  return { data: out, widthPx: w, heightPx: h, x0: img.x0, y0: img.y0 };
}

/** Levels 0..n-1 of a pyramid (level k is 2^-k the size), each blurred once. */
export function pyramid(img: GrayImage, levels: number): GrayImage[] {
  const out = [blur(img)];
  for (let k = 1; k < levels; k++) out.push(blur(halve(out[k - 1]!)));
  return out;
}

/**
 * Bilinear sample at frame coordinates (x, y) of the image's level (coordinates already scaled to
 * the level); NaN outside the crop.
 */
export function sample(img: GrayImage, x: number, y: number): number {
  const fx = x - img.x0;
  const fy = y - img.y0;
  const ix = Math.floor(fx);
  const iy = Math.floor(fy);
  if (ix < 0 || iy < 0 || ix >= img.widthPx - 1 || iy >= img.heightPx - 1) return Number.NaN;
  const ax = fx - ix;
  const ay = fy - iy;
  const i = iy * img.widthPx + ix;
  const d = img.data;
  const top = d[i]! + ax * (d[i + 1]! - d[i]!);
  const bot = d[i + img.widthPx]! + ax * (d[i + img.widthPx + 1]! - d[i + img.widthPx]!);
  return top + ay * (bot - top);
}
