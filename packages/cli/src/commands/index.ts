// The command registry: one entry per command. Each entry's file is light (options and help);
// its `load` imports the heavy part only when that command runs. To add a command: import its
// spec and add it to the list.

import type { CommandSpec } from '../command-spec.ts';
import { analyze } from './analyze.ts';
import { plan } from './plan.ts';
import { screen } from './screen.ts';
import { serve } from './serve.ts';

export const COMMANDS: readonly CommandSpec[] = [screen, plan, analyze, serve];
