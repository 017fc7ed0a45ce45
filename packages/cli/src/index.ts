// Public face of @anklepump/cli for tests and other tools: the parser, the registry types and the exit codes.

export { analyzeFile, analyzeVideoPose, type FileAnalysis } from './analyze/analyze-file.ts';
export * from './command-spec.ts';
export { COMMANDS } from './commands/index.ts';
export * from './exit-codes.ts';
export * from './help.ts';
export * from './parse-cli.ts';
export * from './run-cli.ts';
