// Phone-on-the-foot checking: the browser's DeviceMotion events (accelerometer with gravity and
// gyroscope) become IMU samples for the motion package's IMU analyzer. Nothing leaves the phone.
import type { Side, TimedRange } from '@anklepump/exercise';
import { createImuAnalyzer, IDENTITY_CORRECTION, type ImuSample } from '@anklepump/motion';
import type { App } from '../app/app.ts';
import type { RepSource, SourceWarning } from '../session/rep-source.ts';
import type { Calibration } from '../store/settings.ts';
import type { AngleFeed, RepFeed } from './angle-feed.ts';
import { LIVE_REST_ENDS_REP_S, motionCalibration, timedRep, toSensorRep } from './motion-adapter.ts';

const D2R = Math.PI / 180;

/**
 * One DeviceMotionEvent as an IMU sample at `tMs`, or null when the browser gave no readings.
 * W3C DeviceMotion: accelerationIncludingGravity in m/s^2 (+9.8 on z when flat, screen up),
 * rotationRate in deg/s with alpha about z, beta about x, gamma about y.
 */
export function sampleFromMotion(e: DeviceMotionEvent, tMs: number): ImuSample | null {
  const a = e.accelerationIncludingGravity;
  const r = e.rotationRate;
  if (!a || a.x === null || a.y === null || a.z === null) return null;
  return {
    tMs,
    ax: a.x,
    ay: a.y,
    az: a.z,
    gx: (r?.beta ?? 0) * D2R,
    gy: (r?.gamma ?? 0) * D2R,
    gz: (r?.alpha ?? 0) * D2R,
  };
}

/** Listens to device motion; returns the stop function. */
export function listenMotion(onSample: (s: ImuSample) => void): () => void {
  const handler = (e: DeviceMotionEvent) => {
    const s = sampleFromMotion(e, performance.now());
    if (s) onSample(s);
  };
  window.addEventListener('devicemotion', handler);
  return () => window.removeEventListener('devicemotion', handler);
}

type PermissionFn = () => Promise<'granted' | 'denied'>;

/**
 * Asks for motion-sensor access where the browser requires it (iOS Safari's
 * DeviceMotionEvent.requestPermission, which must run from a tap). Resolves 'granted' elsewhere.
 */
export async function requestMotionPermission(): Promise<'granted' | 'denied' | 'unsupported'> {
  if (typeof DeviceMotionEvent === 'undefined') return 'unsupported';
  const ask = (DeviceMotionEvent as unknown as { requestPermission?: PermissionFn }).requestPermission;
  if (typeof ask !== 'function') return 'granted';
  try {
    return await ask.call(DeviceMotionEvent);
  } catch {
    return 'denied';
  }
}

function analyzerFor(side: Side, cal: Calibration | null) {
  const calibration = motionCalibration('imu', IDENTITY_CORRECTION, cal);
  return createImuAnalyzer({
    side,
    sensors: 'foot',
    restEndsRepS: LIVE_REST_ENDS_REP_S,
    ...(calibration ? { calibration } : {}),
  });
}

const WARNINGS: Partial<Record<string, SourceWarning>> = {
  'too-shallow': 'shallow',
  gap: 'foot-lost',
  noisy: 'noisy',
  uncounted: 'uncounted',
  'moved-before-rest': 'moved-before-rest',
  'sensor-saturated': 'sensor-limit',
};

/** Reps, angles and warnings from the phone on the foot, with the session's calibration (or null). */
export function phoneRepSource(app: App, cal: Calibration | null): RepSource {
  let side: Side = app.settings.feet === 'right-first' ? 'right' : 'left';
  let analyzer = analyzerFor(side, cal);
  let stop: (() => void) | undefined;
  let lastAngleMs = 0;
  return {
    estimated: false,
    setSide(next) {
      if (next === side) return;
      side = next;
      analyzer = analyzerFor(side, cal);
    },
    async start(listener) {
      stop = listenMotion((s) => {
        for (const e of analyzer.push(s)) {
          if (e.type === 'rep') listener.rep(toSensorRep(e.rep));
          else if (e.type === 'warning') {
            const w = WARNINGS[e.code];
            if (w) listener.warning(w);
          }
        }
        // The gauge needs no more than 20 updates a second.
        if (s.tMs - lastAngleMs >= 50) {
          lastAngleMs = s.tMs;
          listener.angle(analyzer.angleDeg(side));
        }
      });
    },
    stop() {
      stop?.();
    },
  };
}

/** The live angle of the foot the phone rests on, for calibration. */
export function phoneAngleFeed(_app: App, side: Side): AngleFeed {
  const analyzer = analyzerFor(side, null);
  const stop = listenMotion((s) => {
    analyzer.push(s);
  });
  return {
    angleDeg: () => analyzer.angleDeg(side),
    neutralDeg: () => analyzer.calibration()[side]?.neutralDeg ?? null,
    stop,
  };
}

/**
 * The reps the phone on the foot counts, in epoch ms, for a phone check of a camera's degrees
 * (`onRep`: called with the count after each).
 */
export function phoneRepFeed(side: Side, onRep: (count: number) => void): RepFeed {
  const analyzer = analyzerFor(side, null);
  const reps: TimedRange[] = [];
  const stop = listenMotion((s) => {
    for (const e of analyzer.push(s)) {
      if (e.type !== 'rep') continue;
      reps.push(timedRep(e.rep));
      onRep(reps.length);
    }
  });
  return { reps: () => reps.slice(), stop };
}
