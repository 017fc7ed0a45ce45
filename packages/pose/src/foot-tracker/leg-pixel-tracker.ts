// The pixel stage for one leg: BlazePose says where the knee, ankle, heel and toe are; this stage
// follows the foot's and the shank's own pixels from frame to frame by rigid registration against a
// patch captured once, so their rotation comes from the image, not from the pose model's foot
// points (whose swing is 30-70% too small). Re-anchored on BlazePose's ankle every frame, so it
// cannot drift away or settle on the other foot; it says when it has lost the foot.
import type { PixelFrame } from './gray-image.ts';
import {
  captureTemplate,
  type PatchTemplate,
  type Point,
  type Registration,
  registerRigid,
  searchRegion,
} from './rigid-registration.ts';

/** BlazePose's leg in one frame, in pixels, with the lowest visibility of the four points. */
export interface LegAnchor {
  readonly knee: Point;
  readonly ankle: Point;
  readonly heel: Point;
  readonly toe: Point;
  readonly visibility: number;
}

export type LegTrackState =
  /** Following the foot: the angles below are measured. */
  | 'tracking'
  /** The pose model does not see this leg (or not well enough) in this frame. */
  | 'no-leg'
  /** The foot's pixels no longer match (covered, out of the picture, blurred, or the search slipped). */
  | 'lost';

export interface LegTrack {
  readonly state: LegTrackState;
  /**
   * The ankle angle as the landmark engine defines it (90 - the angle between the ankle->knee and
   * heel->toe lines, degrees), measured from the image; NaN unless tracking.
   */
  readonly rawDeg: number;
  /** Image direction of the heel->toe and ankle->knee lines, radians (y down); NaN unless tracking. */
  readonly footDirRad: number;
  readonly shankDirRad: number;
  /** 0..1: how well the foot patch matched (its normalised cross-correlation, clipped at 0). */
  readonly confidence: number;
}

export interface LegPixelTrackerOptions {
  /** Minimum BlazePose visibility of knee, ankle, heel, toe to anchor on the leg (0..1, default 0.7). */
  readonly minVisibility?: number;
  /** Below this normalised cross-correlation the foot counts as lost (0..1, default 0.6). */
  readonly minMatch?: number;
  /** Frames lost in a row after which a fresh patch is captured (1..1000, default 30: 2 s at 15 fps). */
  readonly recaptureAfterFrames?: number;
  /** The found patch may sit at most this share of the foot's length from where BlazePose puts it (default 0.35). */
  readonly maxSlipFraction?: number;
}

export interface LegPixelTracker {
  /** Tracks the leg in `frame` anchored at `anchor` (null: the pose model found no leg). */
  push(frame: PixelFrame, anchor: LegAnchor | null): LegTrack;
  reset(): void;
}

/** Most the foot can turn between two frames (about 375 deg/s at 15 frames per second). */
const MAX_TURN_PER_FRAME_RAD = (25 * Math.PI) / 180;
/** Most the shin turns between two frames (a lifted leg: about 150 deg/s at 15 frames per second). */
const MAX_SHANK_TURN_PER_FRAME_RAD = (10 * Math.PI) / 180;
/** A match this good (NCC) is kept when the foot has not moved since the last frame (see steadyWeak). */
const WEAK_MATCH = 0.45;
/** Most the foot may turn in one frame for a weak match to be kept. */
const WEAK_MAX_TURN_RAD = (4 * Math.PI) / 180;
/** Lost frames in a row with the same weak match after which the foot counts as found again. */
const WEAK_REGAIN_FRAMES = 2;
/** How much better (in NCC) another start must match to be taken over the last pose. */
const SWITCH_MARGIN = 0.03;
/** Views per part, the rotation between them, and when a frame is steady and clear enough to add one. */
const MAX_VIEWS = 8;
const VIEW_SPACING_RAD = (10 * Math.PI) / 180;
const VIEW_MIN_MATCH = 0.85;
const VIEW_MAX_TURN_RAD = (2 * Math.PI) / 180;

const dir = (a: Point, b: Point) => Math.atan2(b[1] - a[1], b[0] - a[0]);
const dist = (a: Point, b: Point) => Math.hypot(b[0] - a[0], b[1] - a[1]);
const lerp = (a: Point, b: Point, t: number): Point => [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
const wrap = (r: number) => Math.atan2(Math.sin(r), Math.cos(r));

/** The foot patch: the heel-toe-ankle wedge, its ankle corner pulled toward the foot so the shank stays out, grown by 15%. */
export function footPolygon(a: LegAnchor): Point[] {
  const mid = lerp(a.heel, a.toe, 0.5);
  const corners = [a.heel, a.toe, lerp(a.ankle, mid, 0.25)];
  const c: Point = [
    (corners[0]![0] + corners[1]![0] + corners[2]![0]) / 3,
    (corners[0]![1] + corners[1]![1] + corners[2]![1]) / 3,
  ];
  const grow = 0.15 * dist(a.heel, a.toe);
  return corners.map((p) => {
    const d = dist(c, p) || 1;
    return [p[0] + ((p[0] - c[0]) / d) * grow, p[1] + ((p[1] - c[1]) / d) * grow] as const;
  });
}

/** The shank patch: a band along ankle->knee from 15% to 60% of the way up, 0.34 shank lengths wide. */
export function shankPolygon(a: LegAnchor): Point[] {
  const len = dist(a.ankle, a.knee);
  const d = dir(a.ankle, a.knee);
  const nx = -Math.sin(d) * 0.17 * len;
  const ny = Math.cos(d) * 0.17 * len;
  const p0 = lerp(a.ankle, a.knee, 0.15);
  const p1 = lerp(a.ankle, a.knee, 0.6);
  return [
    [p0[0] + nx, p0[1] + ny],
    [p1[0] + nx, p1[1] + ny],
    [p1[0] - nx, p1[1] - ny],
    [p0[0] - nx, p0[1] - ny],
  ];
}

/** One captured view of a part: its template, and the part's rotation when it was captured. */
interface KeyView {
  readonly template: PatchTemplate;
  /** The part's rotation from the first view when this one was captured (radians). */
  readonly angle0: number;
  /** The patch centre relative to the ankle at capture (pixels). */
  readonly offX: number;
  readonly offY: number;
}

interface Part {
  /** BlazePose's direction of the part's line when the first patch was captured (radians). */
  readonly dir0: number;
  /** The first patch's outline, relative to its centre, to capture later views of the same pixels. */
  readonly outline: readonly Point[];
  readonly keys: KeyView[];
  /** Rotation from the first view (radians), and its change over the last frame. */
  angle: number;
  velocity: number;
  /** Where the patch centre was found last, relative to that frame's ankle (pixels). */
  lastX: number;
  lastY: number;
}

/** A found part: its rotation from the first view, centre, match. */
interface Found {
  readonly angle: number;
  readonly cx: number;
  readonly cy: number;
  readonly ncc: number;
  readonly coverage: number;
  /** Distance from where the anchor predicted it (pixels). */
  readonly slipPx: number;
}

function capture(frame: PixelFrame, poly: Point[], a: LegAnchor, dir0: number): Part | null {
  const template = captureTemplate(frame, poly);
  if (!template) return null;
  const offX = template.centreX - a.ankle[0];
  const offY = template.centreY - a.ankle[1];
  return {
    dir0,
    outline: poly.map(([x, y]) => [x - template.centreX, y - template.centreY] as const),
    keys: [{ template, angle0: 0, offX, offY }],
    angle: 0,
    velocity: 0,
    lastX: offX,
    lastY: offY,
  };
}

/**
 * Adds a view of `part` at its current pose when the part has turned well away from every view it
 * has (the foot's look changes as it turns; matching a near view keeps a single, sharp optimum).
 * Only from a steady, well-matched frame, so a view never starts from a slipped pose.
 */
function maybeAddView(frame: PixelFrame, part: Part, found: Found, a: LegAnchor): void {
  if (
    part.keys.length >= MAX_VIEWS ||
    found.ncc < VIEW_MIN_MATCH ||
    Math.abs(part.velocity) > VIEW_MAX_TURN_RAD
  )
    return;
  if (part.keys.some((k) => Math.abs(wrap(k.angle0 - found.angle)) < VIEW_SPACING_RAD)) return;
  const c = Math.cos(found.angle);
  const s = Math.sin(found.angle);
  const poly = part.outline.map(([x, y]) => [found.cx + c * x - s * y, found.cy + s * x + c * y] as const);
  const template = captureTemplate(frame, poly);
  if (!template) return;
  part.keys.push({
    template,
    angle0: found.angle,
    offX: template.centreX - a.ankle[0],
    offY: template.centreY - a.ankle[1],
  });
}

/** The view of `part` captured nearest the rotation `angle`. */
function nearestView(part: Part, angle: number): KeyView {
  let key = part.keys[0]!;
  for (const k of part.keys)
    if (Math.abs(wrap(k.angle0 - angle)) < Math.abs(wrap(key.angle0 - angle))) key = k;
  return key;
}

/**
 * Finds `part` near where the anchor predicts it, against its view nearest the last rotation; and,
 * when it was `followed` on the last frame and is steady, against the view nearest where the pose
 * model's points put it, if that is another one. Starting only from the view of the last rotation,
 * a foot that came back from its toes-up hold to neutral stayed at the hold's rotation: the toes-up
 * view matched the foot at neutral at about 0.9 and the search never left it (tuning clip
 * tune-w-17: 12.6 deg for a true 0, so the live session never saw the rep end).
 */
function follow(
  frame: PixelFrame,
  part: Part,
  a: LegAnchor,
  poseDir: number,
  reachPx: number,
  followed: boolean,
): Found {
  const poseAngle = wrap(poseDir - part.dir0);
  const key = nearestView(part, part.angle);
  const found = followView(frame, part, key, a, poseAngle, reachPx);
  // Only for a part followed on the last frame and steady: a lost foot is found again from its last
  // view (a leg sliding on the bed moves the pose model's points, and their view matched a wrong
  // rotation at 0.74 where the last view rightly gave up).
  if (!followed || Math.abs(part.velocity) > VIEW_MAX_TURN_RAD) return found;
  const poseKey = nearestView(part, poseAngle);
  if (poseKey === key) return found;
  const other = followView(frame, part, poseKey, a, poseAngle, reachPx);
  return other.ncc > found.ncc + SWITCH_MARGIN ? other : found;
}

/** Finds `part` against its view `key` (see `follow`), from the last pose first. */
function followView(
  frame: PixelFrame,
  part: Part,
  key: KeyView,
  a: LegAnchor,
  poseAngle: number,
  reachPx: number,
): Found {
  const predict = (angle: number) => {
    const c = Math.cos(angle - key.angle0);
    const s = Math.sin(angle - key.angle0);
    return [a.ankle[0] + c * key.offX - s * key.offY, a.ankle[1] + s * key.offX + c * key.offY] as const;
  };
  const seeds = [part.angle, part.angle + part.velocity, poseAngle];
  const [px, py] = predict(part.angle);
  const region = searchRegion(frame, key.template, px, py, reachPx);
  const starts = seeds.map((angle) => [...predict(angle), angle] as const);
  starts.push([a.ankle[0] + part.lastX, a.ankle[1] + part.lastY, part.angle]);
  // The last pose is the first choice; another start wins only on a clearly better match: near a
  // hold a turned foot can match two angles about equally, and hopping between them makes steps.
  let best: Registration | null = null;
  for (const [cx, cy, angle] of starts) {
    const r = registerRigid(key.template, region, { cx, cy, angleRad: angle - key.angle0 });
    if (!best || r.ncc > best.ncc + SWITCH_MARGIN) best = r;
  }
  const angle = key.angle0 + best!.angleRad;
  const [ex, ey] = predict(angle);
  return {
    angle,
    cx: best!.cx,
    cy: best!.cy,
    ncc: best!.ncc,
    coverage: best!.coverage,
    slipPx: Math.hypot(best!.cx - ex, best!.cy - ey),
  };
}

function accept(part: Part, f: Found, a: LegAnchor): void {
  part.velocity = wrap(f.angle - part.angle);
  part.angle = f.angle;
  part.lastX = f.cx - a.ankle[0];
  part.lastY = f.cy - a.ankle[1];
}

function checkOptions(o: LegPixelTrackerOptions): Required<LegPixelTrackerOptions> {
  const r = {
    minVisibility: o.minVisibility ?? 0.7,
    minMatch: o.minMatch ?? 0.6,
    recaptureAfterFrames: o.recaptureAfterFrames ?? 30,
    maxSlipFraction: o.maxSlipFraction ?? 0.35,
  };
  const ranges: [keyof typeof r, number, number][] = [
    ['minVisibility', 0, 1],
    ['minMatch', 0, 1],
    ['recaptureAfterFrames', 1, 1000],
    ['maxSlipFraction', 0.05, 2],
  ];
  for (const [k, lo, hi] of ranges) {
    if (!(r[k] >= lo && r[k] <= hi))
      throw new RangeError(`${k} must be in ${lo}..${hi}, got ${String(r[k])}`);
  }
  return r;
}

const NOT_TRACKING = (state: LegTrackState, confidence = 0): LegTrack => ({
  state,
  rawDeg: Number.NaN,
  footDirRad: Number.NaN,
  shankDirRad: Number.NaN,
  confidence,
});

/** Creates the pixel stage for one leg; throws RangeError on a bad option. */
export function createLegPixelTracker(options: LegPixelTrackerOptions = {}): LegPixelTracker {
  const o = checkOptions(options);
  let foot: Part | null = null;
  let shank: Part | null = null;
  let lostRun = 0;
  /** Frames since the shank was last read (the foot is tracked before the shank is looked for). */
  let shankFrames = 0;
  /** The last lost frame's registration, and how many lost frames in a row matched it weakly but steadily. */
  let weakPrev: Found | null = null;
  let weakRun = 0;

  return {
    push(frame, a) {
      if (!a || !(a.visibility >= o.minVisibility)) return NOT_TRACKING('no-leg');
      const footLen = dist(a.heel, a.toe);
      const shankLen = dist(a.ankle, a.knee);
      if (!(footLen >= 6 && shankLen >= 12)) return NOT_TRACKING('no-leg');
      const poseFootDir = dir(a.heel, a.toe);
      const poseShankDir = dir(a.ankle, a.knee);
      if (!foot || lostRun >= o.recaptureAfterFrames) {
        foot = capture(frame, footPolygon(a), a, poseFootDir);
        shank = capture(frame, shankPolygon(a), a, poseShankDir);
        lostRun = 0;
        shankFrames = 0;
        if (!foot) return NOT_TRACKING('lost');
      }
      const reach = 0.5 * footLen + 8;
      const f = follow(frame, foot, a, poseFootDir, reach, lostRun === 0);
      const confidence = Math.max(0, f.ncc);
      // A turn faster than a foot can make between two frames is the search slipping, not the foot.
      const turned = Math.abs(wrap(f.angle - foot.angle)) > MAX_TURN_PER_FRAME_RAD && lostRun === 0;
      // A weaker match still counts while it holds the foot where it was: at a held toes-down the
      // shoe turns partly out of the picture's plane and matches its first view at ~0.5, but the
      // registration stays put (same angle, same place); a blanket or a slipped search does not.
      // After a loss (the swing into the hold was too fast to follow), the same weak match held for
      // WEAK_REGAIN_FRAMES frames in a row is the foot at its hold again.
      const weakStill = (prev: { readonly angle: number }) =>
        f.ncc >= WEAK_MATCH &&
        Math.abs(wrap(f.angle - prev.angle)) <= WEAK_MAX_TURN_RAD &&
        f.slipPx <= 0.5 * o.maxSlipFraction * footLen + 3;
      weakRun = lostRun > 0 && weakPrev && weakStill(weakPrev) ? weakRun + 1 : 0;
      weakPrev = f;
      const steadyWeak = lostRun === 0 ? weakStill(foot) : weakRun >= WEAK_REGAIN_FRAMES;
      if (
        (f.ncc < o.minMatch && !steadyWeak) ||
        f.coverage < 0.8 ||
        f.slipPx > o.maxSlipFraction * footLen + 6 ||
        turned
      ) {
        lostRun++;
        return NOT_TRACKING('lost', confidence);
      }
      lostRun = 0;
      accept(foot, f, a);
      maybeAddView(frame, foot, f, a);
      let shankDir = poseShankDir;
      if (shank) {
        const s = follow(frame, shank, a, poseShankDir, 0.3 * shankLen + 8, false);
        // The shin turns slowly even when the leg is lifted; a sudden turn is the search latching
        // onto the other shin behind it. Then the last shin angle stands. "Sudden" counts the frames
        // since the shin was last read: over a second with the foot lost, a lifted leg is put down,
        // and holding the shin where it was before would offset every angle after it.
        shankFrames++;
        const steady = Math.abs(wrap(s.angle - shank.angle)) <= MAX_SHANK_TURN_PER_FRAME_RAD * shankFrames;
        if (s.ncc >= o.minMatch && s.coverage >= 0.8 && steady) {
          accept(shank, s, a);
          maybeAddView(frame, shank, s, a);
          shankFrames = 0;
        }
        shankDir = shank.dir0 + shank.angle;
      }
      const footDir = foot.dir0 + foot.angle;
      const theta = Math.abs(wrap(footDir - shankDir));
      return {
        state: 'tracking',
        rawDeg: 90 - (theta * 180) / Math.PI,
        footDirRad: wrap(footDir),
        shankDirRad: wrap(shankDir),
        confidence,
      };
    },
    reset() {
      foot = null;
      shank = null;
      lostRun = 0;
      shankFrames = 0;
      weakPrev = null;
      weakRun = 0;
    },
  };
}
