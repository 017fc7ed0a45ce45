// Entry point of the `anklepump` binary: wires the real process to runCli and sets the exit code.

import { COMMANDS } from './commands/index.ts';
import { runCli } from './run-cli.ts';

process.exitCode = await runCli(process.argv.slice(2), COMMANDS, {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => Date.now(),
  cwd: process.cwd(),
});
