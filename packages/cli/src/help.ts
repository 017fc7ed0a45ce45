// Help text, generated from the same option declarations the parser uses so the two never drift.

import type { CommandSpec, OptionSpec } from './command-spec.ts';
import { COMMON_EXIT_CODES, type ExitCodeDoc } from './exit-codes.ts';

function optionLine(o: OptionSpec): [string, string] {
  const alias = o.alias ? `-${o.alias}, ` : '    ';
  const value =
    o.type === 'boolean'
      ? ''
      : ` <${o.valueName ?? (o.choices ? o.choices.join('|') : o.type === 'string' ? 'text' : 'n')}>`;
  const extra: string[] = [];
  if (o.required) extra.push('required');
  if (o.default !== undefined && o.type !== 'boolean') extra.push(`default ${o.default}`);
  if ((o.type === 'number' || o.type === 'integer') && (o.min !== undefined || o.max !== undefined)) {
    extra.push(`${o.min ?? ''}..${o.max ?? ''}`);
  }
  return [`  ${alias}--${o.name}${value}`, o.description + (extra.length ? ` (${extra.join(', ')})` : '')];
}

function table(rows: readonly [string, string][]): string {
  const width = Math.min(34, Math.max(...rows.map((r) => r[0].length)) + 2);
  return rows
    .map(([a, b]) => (a.length + 2 > width ? `${a}\n${' '.repeat(width)}${b}` : a.padEnd(width) + b))
    .join('\n');
}

function exitTable(codes: readonly ExitCodeDoc[]): string {
  // A command's own meaning for a shared code (screen: 0 = go) replaces the generic one.
  const all = [...COMMON_EXIT_CODES.filter((c) => !codes.some((x) => x.code === c.code)), ...codes].sort(
    (a, b) => a.code - b.code,
  );
  return table(all.map((c) => [`  ${c.code}`, c.meaning]));
}

/** The tool's help: every command with its summary. */
export function formatToolHelp(commands: readonly CommandSpec[], version: string): string {
  return [
    `anklepump ${version}: Ankle Pump Coach from the command line`,
    '',
    'Usage: anklepump <command> [options]',
    '       anklepump <command> --help',
    '',
    'Commands:',
    table(commands.map((c) => [`  ${c.name}`, c.summary])),
    '',
    'Exit codes:',
    exitTable([]),
    '  (each command lists its own in its --help)',
    '',
    'An exercise aid: it does not diagnose anything or replace your doctor or physiotherapist.',
    '',
  ].join('\n');
}

/** One command's help: usage, options, examples and exit codes. */
export function formatCommandHelp(c: CommandSpec): string {
  const pos = (c.positionals ?? []).map((p) => (p.required ? ` <${p.name}>` : ` [${p.name}]`)).join('');
  const parts = [`Usage: anklepump ${c.name} [options]${pos}`, '', c.summary];
  if (c.description) parts.push('', c.description);
  if (c.positionals && c.positionals.length > 0) {
    parts.push('', 'Arguments:', table(c.positionals.map((p) => [`  ${p.name}`, p.description])));
  }
  const opts = [
    ...c.options,
    { name: 'help', alias: 'h', type: 'boolean', description: 'show this help' } as const,
  ];
  parts.push('', 'Options:', table(opts.map(optionLine)));
  if (c.examples && c.examples.length > 0) parts.push('', 'Examples:', ...c.examples.map((e) => `  ${e}`));
  parts.push('', 'Exit codes:', exitTable(c.exitCodes ?? []), '');
  return parts.join('\n');
}
