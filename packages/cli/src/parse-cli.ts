// Pure argument parsing over the declared options: argv strings in, a typed result out, no I/O.
// Every error names the flag and says what was expected, so a typo never runs a command.

import type { CommandSpec, OptionSpec, OptionValue, ParsedOptions } from './command-spec.ts';
import type { CliErrorCode } from './exit-codes.ts';

export type ParseResult =
  | { readonly kind: 'help'; readonly command: CommandSpec | null }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'run';
      readonly command: CommandSpec;
      readonly options: ParsedOptions;
      readonly positionals: readonly string[];
    }
  | {
      readonly kind: 'error';
      readonly code: CliErrorCode;
      readonly message: string;
      readonly command: CommandSpec | null;
    };

const HELP: OptionSpec = { name: 'help', alias: 'h', type: 'boolean', description: 'show this help' };

function fail(code: CliErrorCode, message: string, command: CommandSpec | null): ParseResult {
  return { kind: 'error', code, message, command };
}

/** Converts one raw value for `spec`; returns the value or an error message. */
function convert(
  spec: OptionSpec,
  raw: string,
): { value: OptionValue } | { code: CliErrorCode; message: string } {
  const flag = `--${spec.name}`;
  if (spec.type === 'string') {
    if (spec.choices && !spec.choices.includes(raw)) {
      return {
        code: 'bad-choice',
        message: `${flag} must be one of ${spec.choices.join(', ')}; got "${raw}"`,
      };
    }
    return { value: raw };
  }
  if (spec.type === 'boolean') {
    if (raw === 'true' || raw === 'yes') return { value: true };
    if (raw === 'false' || raw === 'no') return { value: false };
    return { code: 'bad-choice', message: `${flag} takes true/false or yes/no; got "${raw}"` };
  }
  const n = raw.trim() === '' ? Number.NaN : Number(raw);
  const kind = spec.type === 'integer' ? 'a whole number' : 'a number';
  if (!Number.isFinite(n) || (spec.type === 'integer' && !Number.isInteger(n))) {
    return { code: 'bad-number', message: `${flag} must be ${kind}; got "${raw}"` };
  }
  if ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max)) {
    return {
      code: 'bad-number',
      message: `${flag} must be ${kind} from ${spec.min ?? '-∞'} to ${spec.max ?? '∞'}; got ${raw}`,
    };
  }
  return { value: n };
}

/**
 * Parses `argv` (without node and script) against the command table. Supports `--name value`,
 * `--name=value`, `-a value`, `--no-name` for booleans, and `--` to end options.
 */
export function parseCli(argv: readonly string[], commands: readonly CommandSpec[]): ParseResult {
  const first = argv[0];
  if (first === undefined || first === '--help' || first === '-h') return { kind: 'help', command: null };
  if (first === '--version' || first === '-v') return { kind: 'version' };
  if (first === 'help') {
    const target = argv[1];
    if (target === undefined) return { kind: 'help', command: null };
    const c = commands.find((x) => x.name === target);
    return c ? { kind: 'help', command: c } : fail('unknown-command', unknownCommand(target, commands), null);
  }
  if (first.startsWith('-')) {
    return fail('unknown-option', `unknown option ${first} before a command; run "anklepump --help"`, null);
  }
  const command = commands.find((c) => c.name === first);
  if (!command) return fail('unknown-command', unknownCommand(first, commands), null);

  const specs = [...command.options, HELP];
  const options: Record<string, OptionValue> = {};
  const positionals: string[] = [];
  let onlyPositionals = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    let name: string;
    let inline: string | undefined;
    let spec: OptionSpec | undefined;
    let negated = false;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
      spec = specs.find((s) => s.name === name);
      if (!spec && name.startsWith('no-')) {
        const base = specs.find((s) => s.name === name.slice(3) && s.type === 'boolean');
        if (base && inline === undefined) {
          spec = base;
          negated = true;
        }
      }
    } else {
      name = arg.slice(1);
      if (name.length > 1 && !/^\d/.test(name)) {
        inline = name.slice(1);
        name = name.slice(0, 1);
      }
      spec = specs.find((s) => s.alias === name);
    }
    if (!spec) {
      return fail(
        'unknown-option',
        `${command.name}: unknown option ${arg.split('=')[0]}${suggest(name, specs)}`,
        command,
      );
    }
    const flag = `--${spec.name}`;
    if (spec.name === 'help') return { kind: 'help', command };
    let value: OptionValue;
    if (spec.type === 'boolean') {
      if (inline === undefined) value = !negated;
      else {
        const r = convert(spec, inline);
        if ('code' in r) return fail(r.code, `${command.name}: ${r.message}`, command);
        value = r.value;
      }
    } else {
      let raw = inline;
      if (raw === undefined) {
        const next = argv[i + 1];
        // A following flag is not a value ("--tz --date x"), but "-" (stdin) and "-5" are.
        if (next === undefined || (next.startsWith('-') && next !== '-' && !/^-\d/.test(next))) {
          return fail(
            'missing-value',
            `${command.name}: ${flag} needs a value${spec.valueName ? ` (${spec.valueName})` : ''}`,
            command,
          );
        }
        raw = next;
        i++;
      }
      const r = convert(spec, raw);
      if ('code' in r) return fail(r.code, `${command.name}: ${r.message}`, command);
      value = r.value;
    }
    if (spec.name in options && spec.type !== 'boolean') {
      return fail('conflicting-options', `${command.name}: ${flag} given more than once`, command);
    }
    options[spec.name] = value;
  }
  for (const s of command.options) {
    if (options[s.name] === undefined && s.default !== undefined) options[s.name] = s.default;
    if (s.required && options[s.name] === undefined) {
      return fail('missing-required', `${command.name}: --${s.name} is required`, command);
    }
  }
  const allowed = command.positionals ?? [];
  if (positionals.length > allowed.length) {
    return fail(
      'unexpected-argument',
      `${command.name}: unexpected argument "${positionals[allowed.length]}"` +
        (allowed.length === 0 ? ' (this command takes options only)' : ''),
      command,
    );
  }
  const missing = allowed.slice(positionals.length).find((p) => p.required);
  if (missing) return fail('missing-required', `${command.name}: <${missing.name}> is required`, command);
  return { kind: 'run', command, options, positionals };
}

function unknownCommand(name: string, commands: readonly CommandSpec[]): string {
  const close = commands.filter((c) => editDistance(c.name, name) <= 2).map((c) => c.name);
  const hint = close.length > 0 ? ` (did you mean ${close.join(' or ')}?)` : '';
  return `unknown command "${name}"${hint}; commands: ${commands.map((c) => c.name).join(', ')}`;
}

function suggest(name: string, specs: readonly OptionSpec[]): string {
  const close = specs.filter((s) => editDistance(s.name, name) <= 2);
  return close.length > 0 ? `; did you mean --${close[0]!.name}?` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}
