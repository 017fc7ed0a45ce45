// Truth-telling test data for the motion engine: seeded synthetic landmark and IMU sessions with
// their exact ground truth. Pure TypeScript (no node:*), importable from tests, benches and tools.

export * from './ankle-program.ts';
export * from './eval-set.ts';
export * from './imu-session.ts';
export * from './landmark-session.ts';
export * from './naive-baselines.ts';
export * from './prng.ts';
export * from './pump-over-noise.ts';
export * from './resting-foot.ts';
export * from './run-eval.ts';
export * from './run-stress.ts';
export * from './score.ts';
export * from './stats.ts';
export * from './stress-set.ts';
