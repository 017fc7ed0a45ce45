// `tsx tools/tracker/view-gain.ts DIR...`: how the camera's view alone scales the ankle angle a
// perfect 2-D tracker would read, on rendered clips (tuning clips only): per clip, the gain of the
// angle between the renderer's own projected heel->toe and ankle->knee lines (the truth's
// landmarks file) on the true ankle angle, beside the camera's signed azimuth and elevation, and
// what BlazePose's landmarks say of the azimuth's sign (the far knee's offset from the near one
// along the picture's x, in shank lengths, signed by the way the feet point). Pose is cached as
// measure-tracker.ts caches it. Never point it at held-out clips.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BLAZEPOSE, type LandmarkFrame, type Side } from '@anklepump/motion';
import { createHeadlessPoseEstimator, type HeadlessPoseEstimator } from '@anklepump/pose/node';
import { POSE_LANES, slope, tracksFor } from './measure-tracker.ts';

interface Truth {
  readonly visibleSide: Side;
  readonly frameRateHz: number;
  readonly frames: readonly { left: number; right: number }[];
  readonly spec: { posture: string; activity?: string; camera: { azimuthDeg: number; elevationDeg: number } };
}
interface LandmarkFile {
  readonly width: number;
  readonly height: number;
  readonly frames: readonly { tS: number; landmarks: number[][] | null }[];
}

const LEG = {
  left: [BLAZEPOSE.leftKnee, BLAZEPOSE.leftAnkle, BLAZEPOSE.leftHeel, BLAZEPOSE.leftFootIndex],
  right: [BLAZEPOSE.rightKnee, BLAZEPOSE.rightAnkle, BLAZEPOSE.rightHeel, BLAZEPOSE.rightFootIndex],
} as const;
const wrap = (r: number) => Math.atan2(Math.sin(r), Math.cos(r));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Number.NaN;

/** The engine's raw ankle angle (90 - the angle between ankle->knee and heel->toe) from four points. */
function rawDeg(pts: readonly (readonly number[])[], w: number, h: number): number {
  const [knee, ankle, heel, toe] = pts as [number[], number[], number[], number[]];
  const foot = Math.atan2((toe[1]! - heel[1]!) * h, (toe[0]! - heel[0]!) * w);
  const shank = Math.atan2((knee[1]! - ankle[1]!) * h, (knee[0]! - ankle[0]!) * w);
  return 90 - (Math.abs(wrap(foot - shank)) * 180) / Math.PI;
}

/** The far knee's x less the near knee's, in near-shank lengths, signed by the way the feet point. */
function farKneeOffset(frames: readonly LandmarkFrame[], near: Side): number {
  const far: Side = near === 'left' ? 'right' : 'left';
  const hip = near === 'left' ? BLAZEPOSE.leftHip : BLAZEPOSE.rightHip;
  const out: number[] = [];
  for (const f of frames) {
    const l = f.landmarks;
    if (!l) continue;
    const kn = l[LEG[near][0]]!;
    const an = l[LEG[near][1]]!;
    const kf = l[LEG[far][0]]!;
    const shankPx = Math.hypot((kn[0] - an[0]) * f.widthPx, (kn[1] - an[1]) * f.heightPx);
    if (!(shankPx > 0)) continue;
    out.push((((kf[0] - kn[0]) * f.widthPx) / shankPx) * Math.sign(an[0] - l[hip]![0]));
  }
  return median(out);
}

async function main(): Promise<void> {
  let estimator: HeadlessPoseEstimator | undefined;
  const est = async () => (estimator ??= await createHeadlessPoseEstimator({ lanes: POSE_LANES }));
  console.log(
    '| clip | posture | camera azimuth / elevation (deg) | projected heel-toe line: gain on the true angle | BlazePose: far knee ahead of the near one (shanks) |',
  );
  console.log('| --- | --- | --: | --: | --: |');
  try {
    for (const dir of process.argv.slice(2)) {
      for (const f of readdirSync(dir)
        .filter((x) => x.endsWith('.truth.json'))
        .sort()) {
        const base = join(dir, f.replace(/\.truth\.json$/, ''));
        const truth = JSON.parse(readFileSync(`${base}.truth.json`, 'utf8')) as Truth;
        if ((truth.spec.activity ?? 'pumps') !== 'pumps' || !existsSync(`${base}.landmarks.json`)) continue;
        const lmf = JSON.parse(readFileSync(`${base}.landmarks.json`, 'utf8')) as LandmarkFile;
        const side = truth.visibleSide;
        const pairs: [number, number][] = [];
        for (const fr of lmf.frames) {
          const t = truth.frames[Math.round(fr.tS * truth.frameRateHz)]?.[side];
          if (!fr.landmarks || t === undefined) continue;
          pairs.push([
            t,
            rawDeg(
              LEG[side].map((i) => fr.landmarks![i]!),
              lmf.width,
              lmf.height,
            ),
          ]);
        }
        const pose = await tracksFor(est, `${base}.mp4`);
        const c = truth.spec.camera;
        console.log(
          `| ${f.replace(/\.truth\.json$/, '')} | ${truth.spec.posture} | ${c.azimuthDeg.toFixed(0)} / ${c.elevationDeg.toFixed(0)} | ${slope(pairs).toFixed(2)} | ${farKneeOffset(pose.frames, side).toFixed(2)} |`,
        );
      }
    }
  } finally {
    await estimator?.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
