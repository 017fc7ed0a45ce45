// Public face of @anklepump/cli for tests and other tools: the parser, the registry types, the exit codes and the hindsight `analyze` gives a recording's peaks.

export { analyzeVideoPose } from './analyze/analyze-file.ts';
export { robustPeaks } from './analyze/hold-peaks.ts';
export * from './command-spec.ts';
export * from './exit-codes.ts';
export * from './help.ts';
export * from './parse-cli.ts';
export * from './run-cli.ts';
