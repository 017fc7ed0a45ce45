// What a rendered clip shows: posture, camera, light, which feet pump and how. Drawn from a seed
// so that an evaluation set covers the conditions and every clip can be rendered again exactly.
import { type ProfileSpec, seededRandom } from './ankle-profile.ts';

export type Posture = 'sitting' | 'lying' | 'standing';
export type FootSide = 'left' | 'right';

/**
 * What the body does: ankle pumps (the profile), or a movement that is not an ankle pump and must
 * not be counted as one.
 */
export type Activity = 'pumps' | 'squat' | 'sit-to-stand' | 'still' | 'walk-in-place';
/** What the body rests on. */
export type Surface = 'floor' | 'bed' | 'chair';
/** Procedural textures for the wall, the surface and the blanket. */
export type Pattern = 'plain' | 'stripes' | 'checks' | 'noise' | 'tiles';

export interface Appearance {
  /** Multiplies the body's own colours (skin and clothes): '#ffffff' leaves them as they are. */
  readonly tint: string;
  /** Trousers drawn over the legs, down to the ankle or to mid-calf; null: the body's own clothes. */
  readonly trousers: { readonly color: string; readonly cuff: 'ankle' | 'calf' } | null;
  /** A blanket over the legs up to the shins (lying only); null: none. */
  readonly blanket: { readonly color: string; readonly pattern: Pattern } | null;
}

export interface ClipSpec {
  readonly seed: number;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly frameRateHz: number;
  readonly posture: Posture;
  readonly camera: {
    /** The body side the camera films from: that foot is the visible one. */
    readonly side: FootSide;
    /** 0 = straight from the side; positive turns the camera toward the feet (degrees). */
    readonly azimuthDeg: number;
    readonly elevationDeg: number;
    readonly distanceM: number;
    readonly fovDeg: number;
    /**
     * When set, the camera looks at the middle of the body from `fit` times the distance at which
     * the whole body just fits the frame (distanceM is then ignored).
     */
    readonly fit?: number;
  };
  readonly light: {
    readonly ambient: number;
    readonly key: number;
    readonly keyColor: string;
    readonly keyX: number;
    readonly keyZ: number;
  };
  readonly scene: {
    readonly wallColor: string;
    readonly floorColor: string;
    readonly surface?: Surface;
    readonly wallPattern?: Pattern;
    readonly surfacePattern?: Pattern;
    readonly surfaceColor?: string;
  };
  /** A body of tools/render/bodies.ts; default UBC_Superhero_Male. */
  readonly body?: string;
  /** Default 'pumps'. */
  readonly activity?: Activity;
  readonly appearance?: Appearance;
  /** x264 constant rate factor (18 = near lossless, 35 = heavily compressed); default 20. */
  readonly crf?: number;
  /** Feet that perform the profile; the others stay at neutral. */
  readonly movingFeet: readonly FootSide[];
  readonly profile: ProfileSpec;
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const between = (r: () => number, lo: number, hi: number) => lo + r() * (hi - lo);

/**
 * A clip spec drawn from `seed`: posture, camera angle and distance, light and tempo vary;
 * `overrides` pins any top-level field (size, rate, reps...).
 */
export function randomClipSpec(seed: number, overrides: Partial<ClipSpec> = {}): ClipSpec {
  const r = seededRandom(seed * 7919 + 13);
  const posture: Posture = r() < 0.6 ? 'sitting' : 'lying';
  const side: FootSide = r() < 0.5 ? 'right' : 'left';
  const dim = r() < 0.2;
  const moveS = between(r, 0.4, 0.7);
  const reps = 2 + Math.floor(r() * 3);
  const spec: ClipSpec = {
    seed,
    widthPx: 640,
    heightPx: 360,
    frameRateHz: 15,
    posture,
    camera: {
      side,
      azimuthDeg: between(r, -10, 20),
      elevationDeg: between(r, 2, 20),
      distanceM: between(r, 1.5, 2.2),
      fovDeg: 50,
    },
    light: {
      ambient: dim ? between(r, 0.25, 0.45) : between(r, 0.7, 1.2),
      key: dim ? between(r, 0.4, 0.8) : between(r, 1.2, 2.4),
      keyColor: pick(r, ['#ffffff', '#fff1dc', '#ffd9a8', '#e6f0ff']),
      keyX: between(r, -3, 3),
      keyZ: between(r, 1, 4),
    },
    scene: {
      wallColor: pick(r, ['#d9d4cc', '#b8c4cf', '#e8e2d6', '#9aa39a', '#c9b9a6']),
      floorColor: pick(r, ['#7a6a58', '#5f6b73', '#a39b8f', '#4f5a4a']),
    },
    movingFeet: r() < 0.5 ? ['left', 'right'] : [side],
    profile: {
      reps,
      leadInS: between(r, 0.8, 1.5),
      plantarDeg: between(r, 20, 40),
      dorsiDeg: between(r, 8, 18),
      peakJitterDeg: 3,
      plantarHoldS: between(r, 0.6, 1.5),
      dorsiHoldS: between(r, 0.5, 1.0),
      moveS,
      pauseS: between(r, 0.2, 0.6),
      legLifts: r() < 0.2 ? [{ rep: 1, liftDeg: between(r, 12, 20) }] : [],
    },
  };
  return { ...spec, ...overrides };
}
