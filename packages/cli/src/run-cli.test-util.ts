// Runs the CLI in-process for tests, the way `main` does, and collects what it printed.
import { PassThrough } from 'node:stream';
import { COMMANDS } from './commands/index.ts';
import { runCli } from './run-cli.ts';

/** Runs `anklepump <argv…>` with an empty, non-terminal stdin; relative paths resolve from `cwd`. */
export async function runCliForTest(
  argv: readonly string[],
  cwd: string,
): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await runCli([...argv], COMMANDS, {
    stdin: new PassThrough(),
    stdout,
    stderr,
    now: () => 0,
    cwd,
  });
  return { code, out, err };
}
