import { describe, expect, it } from 'vitest';
import type { CommandSpec } from './command-spec.ts';
import { COMMANDS } from './commands/index.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { formatCommandHelp, formatToolHelp } from './help.ts';
import { parseCli } from './parse-cli.ts';

const plan = COMMANDS.find((c) => c.name === 'plan')!;
const screen = COMMANDS.find((c) => c.name === 'screen')!;
const args = (s: string) => s.split(' ').filter(Boolean);

function ok(argv: string) {
  const r = parseCli(args(argv), COMMANDS);
  if (r.kind !== 'run') throw new Error(`expected run, got ${JSON.stringify(r)}`);
  return r;
}
function err(argv: string) {
  const r = parseCli(args(argv), COMMANDS);
  if (r.kind !== 'error') throw new Error(`expected error, got ${r.kind}`);
  return r;
}

describe('parseCli', () => {
  it('applies defaults and converts typed values', () => {
    const r = ok('plan --tz Europe/Berlin --days 7');
    expect(r.command).toBe(plan);
    expect(r.options).toMatchObject({
      regimen: 'general',
      wake: '07:00',
      sleep: '22:00',
      tz: 'Europe/Berlin',
      days: 7,
      format: 'text',
    });
  });

  it('accepts --name=value, a one-letter alias, and --no- for booleans', () => {
    expect(ok('plan --regimen=post-op').options.regimen).toBe('post-op');
    expect(ok('plan -r hourly').options.regimen).toBe('hourly');
    expect(ok('screen --no-swelling --clot-history --pain-now 0').options).toMatchObject({
      swelling: false,
      'clot-history': true,
      'pain-now': 0,
    });
  });

  it('takes - as a value (stdin)', () => {
    expect(ok('screen --json -').options.json).toBe('-');
  });

  it.each([
    ['plan --timezone UTC', 'unknown-option', '--timezone'],
    ['plan --tz', 'missing-value', '--tz needs a value'],
    ['plan --tz --date 2026-01-01', 'missing-value', '--tz needs a value'],
    ['plan --days seven', 'bad-number', '--days must be a whole number'],
    ['plan --days 2.5', 'bad-number', '--days must be a whole number'],
    ['plan --days 0', 'bad-number', 'from 1 to 366'],
    ['plan --regimen weekly', 'bad-choice', 'general, post-op, hourly'],
    ['screen --pain-now 11', 'bad-number', '--pain-now'],
    ['screen --swelling=maybe', 'bad-choice', '--swelling'],
    ['plan extra', 'unexpected-argument', '"extra"'],
    ['plan --days 3 --days 4', 'conflicting-options', 'more than once'],
    ['plna', 'unknown-command', 'did you mean plan'],
    ['--verbose', 'unknown-option', '--verbose'],
  ])('%s -> %s naming the flag', (argv, code, text) => {
    const e = err(argv);
    expect(e.code).toBe(code);
    expect(e.message).toContain(text);
    expect(exitCodeFor(e.code)).toBe(EXIT.usage);
  });

  it('suggests the closest flag for a typo', () => {
    expect(err('plan --wkae 07:00').message).toContain('did you mean --wake?');
  });

  it('help and version', () => {
    expect(parseCli([], COMMANDS)).toEqual({ kind: 'help', command: null });
    expect(parseCli(['plan', '--help'], COMMANDS)).toEqual({ kind: 'help', command: plan });
    expect(parseCli(['help', 'screen'], COMMANDS)).toEqual({ kind: 'help', command: screen });
    expect(parseCli(['--version'], COMMANDS)).toEqual({ kind: 'version' });
  });

  it('enforces required options and positionals declared by a command', () => {
    const cmd: CommandSpec = {
      name: 'x',
      summary: 'test',
      options: [{ name: 'in', type: 'string', required: true, description: 'input' }],
      positionals: [{ name: 'file', description: 'f', required: true }],
      load: async () => ({ run: async () => 0 }),
    };
    expect(parseCli(['x', 'a.csv'], [cmd])).toMatchObject({
      kind: 'error',
      code: 'missing-required',
      message: 'x: --in is required',
    });
    expect(parseCli(['x', '--in', 'y'], [cmd])).toMatchObject({
      kind: 'error',
      code: 'missing-required',
      message: 'x: <file> is required',
    });
    expect(parseCli(['x', '--in', 'y', 'a.csv'], [cmd])).toMatchObject({
      kind: 'run',
      positionals: ['a.csv'],
    });
  });
});

describe('help text', () => {
  it('lists every command and every option with the exit codes', () => {
    const tool = formatToolHelp(COMMANDS, '0.1.0');
    for (const c of COMMANDS) expect(tool).toContain(c.name);
    const h = formatCommandHelp(screen);
    for (const o of screen.options) expect(h).toContain(`--${o.name}`);
    expect(h).toMatch(/0\s+decision: go/);
    expect(h).toMatch(/12\s+decision: ankle pumps are not suitable now/);
    expect(formatCommandHelp(plan)).toContain('--tz <IANA zone>');
  });
});
