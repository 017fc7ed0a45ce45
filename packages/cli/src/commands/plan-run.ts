// The plan command's work (filled in with the schedule module).

import type { CommandContext } from '../command-spec.ts';
import { CliError } from '../exit-codes.ts';

export async function run(_ctx: CommandContext): Promise<number> {
  throw new CliError('unavailable', 'plan is not built yet');
}
