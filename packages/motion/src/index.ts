// @anklepump/motion: streaming ankle analysis from pose landmarks or IMUs. Pure: no I/O, no clock.

export { createAngleUnwrap } from './angle-unwrap.ts';
export * from './calibration.ts';
export { FootFit } from './foot-fit.ts';
export { analyzeImuRecording, createImuAnalyzer, type ImuAnalyzerOptions } from './imu-analyzer.ts';
export type { ImuReading, ImuSample } from './imu-sample.ts';
export {
  analyzeLandmarkRecording,
  createLandmarkAnalyzer,
  type LandmarkAnalyzerOptions,
} from './landmark-analyzer.ts';
export { angleBetweenDeg, createLegReading, readLeg } from './landmark-angle.ts';
export * from './landmark-frame.ts';
export * from './motion-events.ts';
export type { AnalysisResult, MotionStream, WarningEvent } from './motion-stream.ts';
export { noisyMessage } from './noise-floor-warning.ts';
export * from './one-euro-filter.ts';
export { holdBandDeg, MIN_REP_DEG } from './tracker-options.ts';
