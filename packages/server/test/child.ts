// Spawns test/serve-child.ts and waits for its URL.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./serve-child.ts', import.meta.url));

export interface Child {
  url: string;
  proc: ChildProcess;
  /** What the server wrote to stderr so far (its JSON log lines with LOG_TO=stderr); '' unless captured. */
  stderr(): string;
}

export function spawnServer(
  env: Record<string, string>,
  nodeArgs: string[] = [],
  options: { captureStderr?: boolean } = {},
): Promise<Child> {
  const proc = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', options.captureStderr ? 'pipe' : 'inherit'],
  });
  let err = '';
  proc.stderr?.on('data', (d) => {
    err += d;
  });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d) => {
      out += d;
      const m = /listening (\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, proc, stderr: () => err });
    });
    proc.once('exit', (code) => reject(new Error(`server exited with ${code} before listening`)));
  });
}

export function killed(c: Child): Promise<void> {
  return new Promise((r) => {
    if (c.proc.exitCode !== null || c.proc.signalCode !== null) return r();
    c.proc.once('exit', () => r());
    c.proc.kill('SIGKILL');
  });
}
