// Hands a parsed sensor log to the motion engine's IMU analyzer: one foot sensor, or foot + shin
// when the log has the shin columns (then the angle is relative to the shin and leg movement is seen).
import { type AnalysisResult, analyzeImuRecording, type ImuSample, type Side } from '@anklepump/motion';
import type { ImuRecording } from './imu-csv.ts';

/** The CSV rows as the engine's samples (seconds to milliseconds). */
export function toImuSamples(rec: ImuRecording): ImuSample[] {
  return rec.rows.map((r) => ({
    tMs: r.tS * 1000,
    ax: r.ax,
    ay: r.ay,
    az: r.az,
    gx: r.gx,
    gy: r.gy,
    gz: r.gz,
    q: r.q,
    shank: r.shank,
  }));
}

/** Analyses one foot's sensor log, with the angle series. */
export function analyzeImu(rec: ImuRecording, side: Side): AnalysisResult {
  return analyzeImuRecording(toImuSamples(rec), {
    side,
    sensors: rec.hasShank ? 'foot+shank' : 'foot',
    includeSeries: true,
  });
}
