// The CLI tests run the real `build/aqiqat.js`, which loads dist/cli/cli.js: build it first (~0.1 s). The app's
// and the bench's bundles too: build/start-imports.test.ts reads what they import.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['build/build-node.mjs', 'cli', 'main', 'bench'], { stdio: 'inherit' });
}
