/** The annotation commands (entities, tags, cases, fact edit), registered with one line in cli.ts. */
import type { Command } from 'commander';
import { registerCaseCommands } from './cases.js';
import type { Cli } from './context.js';
import { registerEntityCommands } from './entities.js';
import { registerTagCommands } from './tags.js';

export function registerAnnotationCommands(program: Command, cli: Cli): void {
  registerEntityCommands(program, cli);
  registerTagCommands(program, cli);
  registerCaseCommands(program, cli);
}
