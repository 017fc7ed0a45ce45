// Hands a parsed sensor log to the motion engine's IMU analyzer: one foot sensor, or foot + shin
// when the log has the shin columns (then the angle is relative to the shin and leg movement is seen).
import { type AnalysisResult, analyzeImuRecording, type Side } from '@anklepump/motion';
import type { ImuRecording } from './imu-csv.ts';

/** Analyses one foot's sensor log, with the angle series. */
export function analyzeImu(rec: ImuRecording, side: Side): AnalysisResult {
  return analyzeImuRecording(rec.samples, {
    side,
    sensors: rec.hasShank ? 'foot+shank' : 'foot',
    includeSeries: true,
  });
}
