// Runs one CLI invocation against injected streams: parse, print help or errors, load and run
// the command, map any failure to its exit code. main.ts wires it to the real process.

import type { CommandContext, CommandSpec } from './command-spec.ts';
import { CliError, EXIT, exitCodeFor } from './exit-codes.ts';
import { formatCommandHelp, formatToolHelp } from './help.ts';
import { parseCli } from './parse-cli.ts';

export const VERSION = '0.1.0';

export type CliIo = Omit<CommandContext, 'options' | 'positionals'>;

/** Runs `argv` (without node and script) and returns the exit code. */
export async function runCli(
  argv: readonly string[],
  commands: readonly CommandSpec[],
  io: CliIo,
): Promise<number> {
  const parsed = parseCli(argv, commands);
  switch (parsed.kind) {
    case 'help':
      io.stdout.write(parsed.command ? formatCommandHelp(parsed.command) : formatToolHelp(commands, VERSION));
      return EXIT.ok;
    case 'version':
      io.stdout.write(`${VERSION}\n`);
      return EXIT.ok;
    case 'error': {
      const helpHint = parsed.command ? `anklepump ${parsed.command.name} --help` : 'anklepump --help';
      io.stderr.write(`anklepump: ${parsed.message}\n(see "${helpHint}")\n`);
      return exitCodeFor(parsed.code);
    }
    case 'run':
      try {
        const mod = await parsed.command.load();
        return await mod.run({ ...io, options: parsed.options, positionals: parsed.positionals });
      } catch (e) {
        if (e instanceof CliError) {
          io.stderr.write(`anklepump ${parsed.command.name}: ${e.message}\n`);
          return exitCodeFor(e.code);
        }
        io.stderr.write(
          `anklepump ${parsed.command.name}: internal error: ${(e as Error)?.stack ?? String(e)}\n`,
        );
        return EXIT.internal;
      }
  }
}
