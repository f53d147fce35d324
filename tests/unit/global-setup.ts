// The CLI tests run the real `build/aqiqat.js`, which loads dist/cli/cli.js: build it first (~0.1 s).
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['build/build-node.mjs', 'cli'], { stdio: 'inherit' });
}
