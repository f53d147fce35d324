#!/usr/bin/env node
// `aqiqat` / `npx aqiqat`: runs the CLI that `npm install` builds (prepare) into dist/.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('aqiqat: the command line is not built yet; run `npm run build` in the Aqiqat folder');
  process.exit(1);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
