// What a command is: its options as typed data (parsed and documented from the same
// declaration) and a lazy `load` so `--help` and parsing never pull in a heavy module.

import type { ExitCodeDoc } from './exit-codes.ts';

export type OptionType = 'boolean' | 'string' | 'number' | 'integer';

export interface OptionSpec {
  /** Long name without dashes, kebab-case: `--wake` is 'wake'. */
  readonly name: string;
  /** One-letter alias without the dash. */
  readonly alias?: string;
  readonly type: OptionType;
  readonly description: string;
  /** Placeholder shown in help, e.g. 'HH:MM'. */
  readonly valueName?: string;
  /** Allowed values for string options. */
  readonly choices?: readonly string[];
  /** Inclusive range for number/integer options. */
  readonly min?: number;
  readonly max?: number;
  readonly required?: boolean;
  /** Default documented in help and applied by the parser. */
  readonly default?: string | number | boolean;
}

export type OptionValue = string | number | boolean;
export type ParsedOptions = Readonly<Record<string, OptionValue | undefined>>;

/** Streams and clock a command runs with; injected so commands can be run in tests. */
export interface CommandContext {
  readonly options: ParsedOptions;
  readonly positionals: readonly string[];
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  /** Epoch ms now; the only clock commands use. */
  readonly now: () => number;
  /** Working directory for relative paths. */
  readonly cwd: string;
}

/** A command's heavy part: returns the exit code, throws CliError for user-facing failures. */
export interface CommandModule {
  run(ctx: CommandContext): Promise<number>;
}

export interface CommandSpec {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Longer text for the command's own help. */
  readonly description?: string;
  readonly options: readonly OptionSpec[];
  /** Names of positional arguments, e.g. ['file']; more than this is an error. */
  readonly positionals?: readonly {
    readonly name: string;
    readonly description: string;
    readonly required?: boolean;
  }[];
  readonly examples?: readonly string[];
  /** Exit codes particular to this command (the common ones are always listed). */
  readonly exitCodes?: readonly ExitCodeDoc[];
  readonly load: () => Promise<CommandModule>;
}
