import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commands/index.ts';
import { runCli } from './run-cli.ts';

/** Runs `anklepump screen` in-process with a stdin that claims to be a terminal. */
async function interactive(lines: string[]) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (d) => (out += d));
  // Feed one answer each time a question (ending in "] ") appears, like a person typing.
  let next = 0;
  stdout.on('data', (d: Buffer) => {
    if (/\] $/.test(d.toString()) && next < lines.length)
      setImmediate(() => stdin.write(`${lines[next++]}\n`));
  });
  const code = await runCli(['screen'], COMMANDS, {
    stdin,
    stdout,
    stderr,
    now: () => 0,
    cwd: process.cwd(),
  });
  return { code, out };
}

describe('screen in a terminal', () => {
  it('asks each question, re-asks after a bad answer, and decides', async () => {
    const r = await interactive(['n', 'maybe', 'n', 'y', '12', '3']);
    expect(r.out).toContain('Before you start: a quick safety check');
    expect(r.out).toContain('Please answer y (yes) or n (no).');
    expect(r.out).toContain('Please type a whole number from 0 to 10.');
    expect(r.out).toContain('ONLY WITH A PHYSIOTHERAPIST');
    expect(r.code).toBe(10);
  });

  it('ends with a clear error, not a hang, when input ends mid-way (Ctrl-D)', async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (d) => (err += d));
    setImmediate(() => stdin.end('n\n'));
    const code = await runCli(['screen'], COMMANDS, {
      stdin,
      stdout: new PassThrough(),
      stderr,
      now: () => 0,
      cwd: process.cwd(),
    });
    expect(code).toBe(4);
    expect(err).toContain('input ended before every question was answered');
  });
});
