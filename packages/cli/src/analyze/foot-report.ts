// What a camera recording's report says about its feet beyond the reps: a recording not counted
// (no reps, nor warnings about reps), the far foot of a side view, a foot the pixel stage lost or
// could not follow, and nothing found at all. Split from analyze-file.ts, which runs the pipelines.
import {
  type AnalysisResult,
  type LandmarkFrame,
  type MotionEvent,
  REP_WARNING_CODES,
  type Side,
} from '@anklepump/motion';
import type { LegTrack, NotCountable } from '@anklepump/pose/node';

/** The result with no reps: what a recording that cannot be counted reports. */
export function withoutReps(result: AnalysisResult): AnalysisResult {
  // "0 reps" followed by "rep 2: the leg moved" told of reps that were not counted.
  const aboutRep = (e: MotionEvent) =>
    e.type === 'rep' || (e.type === 'warning' && REP_WARNING_CODES.includes(e.code));
  return {
    ...result,
    reps: { left: [], right: [] },
    events: result.events.filter((e) => !aboutRep(e)),
    warnings: result.warnings.filter((w) => !aboutRep(w)),
  };
}

/** What a video says of a foot that is the far one in its side view (`near` faces the camera). */
export function farFootMessage(far: Side, near: Side): string {
  return `in this side view the ${near} foot is nearer the camera; the ${far} foot is behind it, where it cannot be measured (film from the ${far} side to count it)`;
}

/** The result with each `far` foot's reps, angles and warnings taken out (see `farFootWarnings`). */
export function withoutFarFeet(result: AnalysisResult, far: readonly Side[]): AnalysisResult {
  if (far.length === 0) return result;
  const isFar = (s: Side | null) => s !== null && far.includes(s);
  const reps = { ...result.reps };
  for (const s of far) reps[s] = [];
  const series = result.series ? { ...result.series } : null;
  if (series) for (const s of far) series[s] = [];
  return {
    ...result,
    reps,
    series,
    events: result.events.filter((e) => !('side' in e) || !isFar(e.side)),
    warnings: result.warnings.filter((w) => !isFar(w.side)),
  };
}

/** When the recording's first frame is, seconds to the hundredth: where a whole-recording warning sits. */
const firstFrameS = (frames: readonly LandmarkFrame[]) => Math.round((frames[0]?.tMs ?? 0) / 10) / 100;

/** One warning ('far-foot') for each far foot, saying why it is not measured. */
export function farFootWarnings(
  far: readonly Side[],
  near: Side,
  frames: readonly LandmarkFrame[],
): { side: Side; atS: number; code: string; message: string }[] {
  const atS = firstFrameS(frames);
  return far.map((side) => ({ side, atS, code: 'far-foot', message: farFootMessage(side, near) }));
}

/** Warnings for feet the pixel stage lost in more than a fifth of the frames the pose model saw them in. */
export function lostFootWarnings(
  tracks: readonly Record<Side, LegTrack>[],
  frames: readonly LandmarkFrame[],
  sides: readonly Side[],
): { side: Side; atS: number; code: string; message: string }[] {
  const out: { side: Side; atS: number; code: string; message: string }[] = [];
  for (const side of sides) {
    const seen = tracks.filter((t) => t[side].state !== 'no-leg');
    const lost = seen.filter((t) => t[side].state === 'lost').length;
    if (seen.length < 10 || lost / seen.length <= 0.2) continue;
    const first = tracks.findIndex((t) => t[side].state === 'lost');
    out.push({
      side,
      atS: Math.round((frames[first]?.tMs ?? 0) / 10) / 100,
      code: 'foot-lost',
      message: `the ${side} foot could not be followed in ${Math.round((100 * lost) / seen.length)}% of the frames (covered, out of the picture or blurred): those frames were not counted`,
    });
  }
  return out;
}

/**
 * A warning ('degrees-not-measured') for each foot whose degrees are not shown. Its pixel track
 * disagreed with the pose model (the other foot behind it, clothes, a dark or small foot), and the
 * pose model's own foot angle cannot stand in: it follows the true angle with a gain that varies
 * from clip to clip (0.06-0.9 on the rendered tuning clips), so no correction makes it degrees. On
 * the 9 tuning clips (of 24) where this happened, 9 of the 11 reps of exactly counted clips were
 * 10-33 deg off (`tools/tracker/evaluate-analyze.ts`). The reps still count: their timing is in
 * the pose model's angle, however small its swing.
 */
export function degreesNotMeasuredWarnings(
  feet: readonly Side[],
  frames: readonly LandmarkFrame[],
): { side: Side; atS: number; code: string; message: string }[] {
  const atS = firstFrameS(frames);
  return feet.map((side) => ({
    side,
    atS,
    code: 'degrees-not-measured',
    message:
      `the ${side} foot's own pixels could not be followed (the other foot behind it, clothes, or a dark or ` +
      "small foot in the picture): its pumps are counted from the pose model's foot points, but their degrees " +
      'are not shown, since the pose model reads them too small by a factor that changes from video to video. ' +
      'For degrees, film so that the other foot is not right behind this one and the foot is uncovered and ' +
      'well lit, or calibrate with the phone on the foot (--calibrate-with)',
  }));
}

/** What `analyze` says instead of a report when it found no person, or a person but never a foot. */
export function landmarkNothingFound(
  frames: readonly LandmarkFrame[],
  result: AnalysisResult,
  sides: readonly Side[],
  notCounted: NotCountable | null,
): string | null {
  if (!frames.some((f) => f.landmarks)) {
    return 'no person was found in any frame: film from the side with the person lit and in the picture, at least from the hips to the feet';
  }
  // A person was seen but the recording cannot be counted: the report says why, not "no foot".
  if (notCounted) return null;
  const series = result.series;
  if (series && sides.every((s) => series[s].length === 0)) {
    // A person was found, so the legs were there but not seen: say what hides them.
    return `no ${sides.length === 1 ? `${sides[0]} foot` : 'foot'} was visible long enough to measure: the pose model found the person but not the ${sides.length === 1 ? 'leg' : 'legs'} (a blanket or clothes over the shins, dim light, or the feet out of the picture). Uncover the shins and feet, light them, and film from the side with the feet in view`;
  }
  return null;
}
