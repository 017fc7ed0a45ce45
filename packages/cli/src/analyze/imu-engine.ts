// Hands a parsed sensor log to the motion engine's IMU analyzer.
import type { AnalysisResult, Side } from '@anklepump/motion';
import { CliError } from '../exit-codes.ts';
import type { ImuRecording } from './imu-csv.ts';

/** Analyses one foot's sensor log. */
export function analyzeImu(_rec: ImuRecording, _side: Side): AnalysisResult {
  throw new CliError(
    'unavailable',
    'sensor CSV analysis needs the motion engine IMU analyzer (not in this build yet)',
  );
}
