// The rendered evaluation sets, each clip drawn from a recorded seed so that the whole set renders
// again identically: a small TUNING set (tuning bodies only: look at it, tune on it, fit on it), the
// HELD-OUT set (held-out bodies only: report on it, never tune or fit on it) and the NEGATIVE set
// (movements that are not ankle pumps, and a front view, on held-out bodies).
//
// Domain randomisation: every axis below is drawn per clip; the axes a report is broken down by
// (posture, camera yaw band, resolution, frame rate, clothes, rep style) are balanced across the
// set (each value used equally often, combined in a seeded shuffle), the rest drawn at random.
import { seededRandom } from './ankle-profile.ts';
import { HELDOUT_BODIES, TUNING_BODIES } from './bodies.ts';
import type { Activity, Appearance, ClipSpec, FootSide, Pattern, Posture, Surface } from './clip-spec.ts';

export type YawBand = '0-15' | '15-30' | '30-45';
export type Resolution = '360p' | '480p' | '720p' | '1080p';
/** How the reps are done: ordinary, fast with no holds, some partial, or with the leg moving. */
export type RepStyle = 'normal' | 'fast-no-hold' | 'partial' | 'knee-bend' | 'leg-lift' | 'leg-slide';
export type Clothes = 'own' | 'trousers' | 'blanket';

/** The conditions of one clip that a report is broken down by. */
export interface Conditions {
  readonly body: string;
  readonly posture: Posture;
  readonly yawBand: YawBand;
  readonly resolution: Resolution;
  readonly frameRateHz: number;
  readonly clothes: Clothes;
  readonly style: RepStyle;
  /** x264 CRF: 18-28 ordinary, 30-36 heavily compressed. */
  readonly crf: number;
}

export interface SetClip {
  readonly name: string;
  readonly conditions: Conditions;
  readonly spec: ClipSpec;
}

const SIZES: Readonly<Record<Resolution, readonly [number, number][]>> = {
  '360p': [[640, 360]],
  '480p': [
    [640, 480],
    [854, 480],
  ],
  '720p': [[1280, 720]],
  '1080p': [[1920, 1080]],
};
const YAW: Readonly<Record<YawBand, [number, number]>> = {
  '0-15': [0, 15],
  '15-30': [15, 30],
  '30-45': [30, 45],
};
const WALLS = ['#d9d4cc', '#b8c4cf', '#e8e2d6', '#9aa39a', '#c9b9a6', '#f2efe8', '#6f7a84', '#a88f7a'];
const FLOORS = ['#7a6a58', '#5f6b73', '#a39b8f', '#4f5a4a', '#c8bba8', '#3d3a36'];
const FABRICS = ['#e9e9e4', '#c7d7e6', '#f0e0c8', '#9fb7a0', '#d8b4b4', '#8a94b8', '#ffffff', '#b0a08a'];
const TROUSERS = ['#1f2a44', '#3b3b3b', '#6b5a45', '#2f4f3f', '#8a8f99', '#5b2333', '#c2b59b', '#101010'];
const PATTERNS: readonly Pattern[] = ['plain', 'stripes', 'checks', 'noise', 'tiles'];
const LIGHT_COLORS = ['#ffffff', '#fff1dc', '#ffd9a8', '#e6f0ff'];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const between = (r: () => number, lo: number, hi: number) => lo + r() * (hi - lo);

/** `n` values cycling through `values`, shuffled by `r`: each value used equally often. */
function balanced<T>(values: readonly T[], n: number, r: () => number): T[] {
  const out = Array.from({ length: n }, (_, i) => values[i % values.length]!);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A randomised pump clip under the given conditions; everything else is drawn from `seed`. */
export function drawPumpClip(seed: number, c: Conditions): ClipSpec {
  const r = seededRandom(seed * 7919 + 17);
  const side: FootSide = r() < 0.5 ? 'right' : 'left';
  const [w, h] = pick(r, SIZES[c.resolution]);
  const [y0, y1] = YAW[c.yawBand];
  // Most views turn toward the feet; some toward the head.
  const yaw = between(r, y0, y1) * (r() < 0.75 ? 1 : -1);
  const dim = r() < 0.25;
  const back = r() < 0.2;
  const surface: Surface =
    c.posture === 'lying' ? (r() < 0.7 ? 'bed' : 'floor') : pick(r, ['floor', 'bed', 'chair'] as const);
  const fast = c.style === 'fast-no-hold';
  const reps = fast ? 4 + Math.floor(r() * 2) : 2 + (r() < 0.25 ? 1 : 0);
  const moveKind = c.style === 'knee-bend' ? 'knee-bend' : c.style === 'leg-slide' ? 'slide' : 'lift';
  const legMove =
    c.style === 'knee-bend' || c.style === 'leg-lift' || c.style === 'leg-slide'
      ? [{ rep: 1, liftDeg: between(r, 12, 22), kind: moveKind } as const]
      : [];
  const partial = c.style === 'partial' ? [{ rep: 1, scale: between(r, 0.45, 0.7) }] : [];
  return {
    seed,
    widthPx: w,
    heightPx: h,
    frameRateHz: c.frameRateHz,
    posture: c.posture,
    body: c.body,
    activity: 'pumps',
    crf: c.crf,
    camera: {
      side,
      azimuthDeg: yaw,
      elevationDeg: between(r, 0, 25),
      distanceM: 2,
      fovDeg: between(r, 45, 60),
      fit: between(r, 0.95, 1.35),
    },
    light: {
      ambient: dim ? between(r, 0.2, 0.45) : between(r, 0.6, 1.2),
      key: dim ? between(r, 0.3, 0.8) : between(r, 1.0, 2.6),
      keyColor: pick(r, LIGHT_COLORS),
      keyX: between(r, -3, 3),
      keyZ: back ? between(r, -4, -1) : between(r, 0.5, 4),
    },
    scene: {
      wallColor: pick(r, WALLS),
      floorColor: pick(r, FLOORS),
      surface,
      wallPattern: pick(r, PATTERNS),
      surfacePattern: pick(r, PATTERNS),
      surfaceColor: pick(r, FABRICS),
    },
    appearance: {
      tint: `#${[0, 0, 0]
        .map(() =>
          Math.round(between(r, 0.82, 1) * 255)
            .toString(16)
            .padStart(2, '0'),
        )
        .join('')}`,
      trousers:
        c.clothes === 'trousers' ? { color: pick(r, TROUSERS), cuff: r() < 0.7 ? 'ankle' : 'calf' } : null,
      blanket: c.clothes === 'blanket' ? { color: pick(r, FABRICS), pattern: pick(r, PATTERNS) } : null,
    },
    movingFeet: r() < 0.4 ? ['left', 'right'] : [side],
    profile: {
      reps,
      leadInS: between(r, 0.6, 1.0),
      plantarDeg: between(r, 20, 40),
      dorsiDeg: between(r, 8, 20),
      peakJitterDeg: 3,
      plantarHoldS: fast ? 0 : between(r, 0.5, 1.5),
      dorsiHoldS: fast ? 0 : between(r, 0.5, 1.1),
      moveS: fast ? between(r, 0.22, 0.32) : between(r, 0.35, 0.6),
      pauseS: fast ? between(r, 0, 0.1) : between(r, 0.15, 0.4),
      legLifts: legMove,
      partialReps: partial,
    },
  };
}

interface SetPlan {
  readonly prefix: string;
  readonly seed0: number;
  readonly bodies: readonly string[];
  readonly n: number;
  readonly resolutions: readonly Resolution[];
  readonly rates: readonly number[];
  readonly styles: readonly RepStyle[];
  /** Render 720p and 1080p clips at 15 fps, 1080p with fast reps (rendering cost grows with pixels). */
  readonly hiResAt15?: boolean;
}

function buildSet(p: SetPlan): SetClip[] {
  const r = seededRandom(p.seed0);
  const postures = balanced<Posture>(['sitting', 'lying'], p.n, r);
  const yaws = balanced<YawBand>(['0-15', '15-30', '30-45'], p.n, r);
  const res = balanced(p.resolutions, p.n, r);
  const rates = balanced(p.rates, p.n, r);
  const styles = balanced(p.styles, p.n, r);
  const clothesDraw = balanced<'own' | 'covered'>(
    p.hiResAt15 ? ['own', 'covered'] : ['own', 'covered', 'own'],
    p.n,
    r,
  );
  const crfs = balanced<'ordinary' | 'heavy'>(['ordinary', 'ordinary', 'heavy'], p.n, r);
  return Array.from({ length: p.n }, (_, i) => {
    const seed = p.seed0 + i;
    const posture = postures[i]!;
    let style = styles[i]!;
    // A blanket covers the legs: only for lying clips, and the leg does not move under it.
    let clothes: Clothes = clothesDraw[i] === 'own' ? 'own' : posture === 'lying' ? 'blanket' : 'trousers';
    if (clothes === 'blanket' && (style === 'knee-bend' || style === 'leg-lift' || style === 'leg-slide'))
      clothes = 'trousers';
    if (clothes === 'blanket' && posture !== 'lying') style = 'normal';
    // 1080p costs ~7x a 360p frame in software rendering: keep that clip short (fast reps).
    if (p.hiResAt15 && res[i] === '1080p') style = 'fast-no-hold';
    const cr = seededRandom(seed * 13 + 5);
    const conditions: Conditions = {
      body: p.bodies[i % p.bodies.length]!,
      posture,
      yawBand: yaws[i]!,
      resolution: res[i]!,
      frameRateHz: p.hiResAt15 && (res[i] === '720p' || res[i] === '1080p') ? 15 : rates[i]!,
      clothes,
      style,
      crf: Math.round(crfs[i] === 'heavy' ? between(cr, 30, 36) : between(cr, 18, 28)),
    };
    return {
      name: `${p.prefix}-${String(i + 1).padStart(2, '0')}`,
      conditions,
      spec: drawPumpClip(seed, conditions),
    };
  });
}

/** Eight short clips on the tuning bodies: for looking at, tuning and fitting. */
export function tuningSet(): SetClip[] {
  return buildSet({
    prefix: 'tune',
    seed0: 1000,
    bodies: TUNING_BODIES,
    n: 8,
    resolutions: ['360p', '480p', '360p', '480p'],
    rates: [15, 24, 20, 15],
    styles: ['normal', 'fast-no-hold', 'partial', 'knee-bend', 'leg-lift', 'leg-slide', 'normal', 'normal'],
  });
}

/** `k` copies of `v`. */
const times = <T>(v: T, k: number): T[] => Array.from({ length: k }, () => v);

/** Each rep style as many times as `counts` says, in the order given (the draw depends on it). */
const styleMix = (counts: Partial<Record<RepStyle, number>>): RepStyle[] =>
  (Object.entries(counts) as [RepStyle, number][]).flatMap(([style, k]) => times(style, k));

/** Tuning bodies at 360p and 480p, 15-30 fps: the small tuning sets' draw (tuning-extra, the dark set). */
const SMALL_TUNING_DRAW = {
  bodies: TUNING_BODIES,
  resolutions: ['360p', '480p', '360p', '480p'],
  rates: [15, 20, 24, 30],
} as const satisfies Partial<SetPlan>;

/**
 * Sixteen more clips on the tuning bodies, for tuning the pixel stage's gain on more than eight
 * clips (on those eight it followed the true angle with gains from -0.23 to 1.07): look at them,
 * tune on them, fit on them. Seeds 4000+, apart from every other set's (the negative set draws 3000+).
 */
export function tuningExtraSet(): SetClip[] {
  return buildSet({
    ...SMALL_TUNING_DRAW,
    prefix: 'tune-x',
    seed0: 4000,
    n: 16,
    styles: styleMix({
      normal: 6,
      'fast-no-hold': 2,
      partial: 2,
      'knee-bend': 2,
      'leg-lift': 2,
      'leg-slide': 2,
    }),
  });
}

/** The held-out set's plan (resolutions, rates, styles), without its prefix, seeds and bodies. */
const HELD_OUT_PLAN = {
  n: 18,
  resolutions: [...times<Resolution>('360p', 8), ...times<Resolution>('480p', 8), '720p', '1080p'],
  rates: [...times(15, 6), ...times(20, 4), 24, 24, 25, 25, 30, 30, 60, 60],
  styles: styleMix({
    normal: 4,
    'fast-no-hold': 3,
    partial: 3,
    'knee-bend': 3,
    'leg-lift': 2,
    'leg-slide': 3,
  }),
  hiResAt15: true,
} as const;

/**
 * The held-out set: held-out bodies only; every condition family represented. Report on this.
 * 18 clips, sized so that software rendering on two busy cores takes about an hour.
 */
export function heldOutSet(): SetClip[] {
  return buildSet({ ...HELD_OUT_PLAN, prefix: 'heldout', seed0: 2000, bodies: HELDOUT_BODIES });
}

/**
 * 18 clips drawn exactly as the held-out set is (the same resolutions, frame rates, rep styles and
 * 720p / 1080p clips), on the TUNING bodies and seeds 6000+: where the held-out scores fall short of
 * the tuning sets', this shows whether the conditions or the bodies are the cause, without looking
 * at a held-out clip. Look at it, tune on it.
 */
export function tuningWideSet(): SetClip[] {
  return buildSet({ ...HELD_OUT_PLAN, prefix: 'tune-w', seed0: 6000, bodies: TUNING_BODIES });
}

/** A dark, warm tint for a whole body (skin, clothes and hair are one texture): 30-55% of white in red, less in green and blue. */
function darkTint(seed: number): string {
  const r = seededRandom(seed * 31 + 11);
  const k = between(r, 0.3, 0.55);
  return `#${[k, k * between(r, 0.78, 0.88), k * between(r, 0.66, 0.8)]
    .map((v) =>
      Math.round(v * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/**
 * 12 clips on the TUNING bodies drawn as the tuning-extra set is, each body darkened as a whole
 * (darkTint): all four tuning bodies have light or medium skin, the held-out set has two with dark
 * skin, and the degrees and live counts there fell short of the tuning bodies' under the same
 * conditions (tuning-wide). This set shows, without looking at a held-out clip, how much of that a
 * dark, low-contrast foot explains. Look at it, tune on it. Seeds 7000+, apart from every other set's.
 */
export function tuningDarkSet(): SetClip[] {
  return tuningDarkControlSet().map((c) => {
    const a = c.spec.appearance;
    const appearance: Appearance = {
      tint: darkTint(c.spec.seed),
      trousers: a?.trousers ?? null,
      blanket: a?.blanket ?? null,
    };
    return { ...c, name: c.name.replace('tune-dc-', 'tune-d-'), spec: { ...c.spec, appearance } };
  });
}

/**
 * The dark set's clips with the bodies' own colours (the ordinary 82-100% tint): a clip-by-clip
 * control, so that a difference between the two is the darkening alone.
 */
export function tuningDarkControlSet(): SetClip[] {
  return buildSet({
    ...SMALL_TUNING_DRAW,
    prefix: 'tune-dc',
    seed0: 7000,
    n: 12,
    styles: styleMix({
      normal: 5,
      'fast-no-hold': 2,
      partial: 1,
      'knee-bend': 2,
      'leg-lift': 1,
      'leg-slide': 1,
    }),
  });
}

/** Pumps in each phone-check clip: 4 for the check, 4 scored after it. */
export const PHONE_CHECK_CLIP_REPS = 8;

/**
 * Six longer clips (PHONE_CHECK_CLIP_REPS pumps each) on the HELD-OUT bodies, for the app's phone
 * check: the check fits the view's gain on the first pumps a phone also measured, and the later
 * pumps are scored with it (`npm run bench phone-check`). Report on this; never tune on it. Seeds
 * 5000+, apart from every other set's. No leg movement or fast reps: a check is done with slow
 * pumps, as the app asks.
 */
export function phoneCheckSet(): SetClip[] {
  return buildSet({
    prefix: 'phonecheck',
    seed0: 5000,
    bodies: HELDOUT_BODIES,
    n: 6,
    resolutions: ['360p', '480p'],
    rates: [15, 20],
    styles: ['normal', 'normal', 'partial'],
  }).map((c) => ({ ...c, spec: { ...c.spec, profile: { ...c.spec.profile, reps: PHONE_CHECK_CLIP_REPS } } }));
}

export interface NegativeClip {
  readonly name: string;
  /** What the clip shows, in words, for the report. */
  readonly what: string;
  readonly spec: ClipSpec;
}

/** Clips that are not ankle pumps (and a front view of real pumps): `analyze` must count 0 reps. */
export function negativeSet(): NegativeClip[] {
  const bodies = HELDOUT_BODIES;
  const mk = (
    i: number,
    what: string,
    activity: Activity,
    posture: Posture,
    azimuthDeg: number,
    distanceM: number,
  ): NegativeClip => {
    const base = drawPumpClip(3000 + i, {
      body: bodies[i % bodies.length]!,
      posture: posture === 'standing' ? 'sitting' : posture,
      yawBand: '0-15',
      resolution: '360p',
      frameRateHz: 15,
      clothes: 'own',
      style: 'normal',
      crf: 23,
    });
    return {
      name: `negative-${String(i + 1).padStart(2, '0')}-${activity}${azimuthDeg >= 60 ? '-front' : ''}`,
      what,
      spec: {
        ...base,
        posture,
        activity,
        camera: { ...base.camera, azimuthDeg, elevationDeg: 8, distanceM, fovDeg: 50, fit: 1.15 },
        scene: { ...base.scene, surface: posture === 'standing' ? 'floor' : base.scene.surface },
        ...(activity === 'pumps' ? {} : { movingFeet: [] }),
      },
    };
  };
  return [
    mk(0, 'squats, side view', 'squat', 'standing', 5, 3),
    mk(1, 'squats, front view', 'squat', 'standing', 90, 3),
    mk(2, 'standing up and sitting down, side view', 'sit-to-stand', 'standing', 10, 3),
    mk(3, 'a still leg, sitting, side view', 'still', 'sitting', 5, 2),
    mk(4, 'walking in place, side view', 'walk-in-place', 'standing', 5, 3),
    mk(5, 'real ankle pumps filmed from the front (feet toward the camera)', 'pumps', 'sitting', 90, 2),
  ];
}

/** The clip the speed benchmark loops to 60 s: one rep of a held-out body, 1280x720 at 30 fps. */
export function speedClip(): SetClip {
  const conditions: Conditions = {
    body: HELDOUT_BODIES[0]!,
    posture: 'sitting',
    yawBand: '0-15',
    resolution: '720p',
    frameRateHz: 30,
    clothes: 'own',
    style: 'normal',
    crf: 23,
  };
  const spec = drawPumpClip(9001, conditions);
  return { name: 'speed-720p', conditions, spec: { ...spec, profile: { ...spec.profile, reps: 1 } } };
}
