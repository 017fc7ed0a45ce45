// @anklepump/motion: streaming ankle analysis from pose landmarks or IMUs. Pure: no I/O, no clock.

export * from './calibration.ts';
export { analyzeImuRecording, createImuAnalyzer, type ImuAnalyzerOptions } from './imu-analyzer.ts';
export { type ImuReading, type ImuSample, imuReadingProblem } from './imu-sample.ts';
export {
  analyzeLandmarkRecording,
  createLandmarkAnalyzer,
  type LandmarkAnalyzerOptions,
} from './landmark-analyzer.ts';
export { createLegReading, type LegReading, readLeg } from './landmark-angle.ts';
export * from './landmark-frame.ts';
export * from './motion-events.ts';
export type { AnalysisResult, MotionStream, WarningEvent } from './motion-stream.ts';
export * from './one-euro-filter.ts';
export type { SourceOptions } from './source-options.ts';
export type { TrackerOptions } from './tracker-options.ts';
export { DEFAULT_TRACKER } from './tracker-options.ts';
