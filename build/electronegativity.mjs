// Runs @doyensec/electronegativity over the Electron code and fails on any finding that is not
// justified in build/electronegativity-justified.json. Why a script and not its CLI: the CLI exits 0
// even with HIGH findings, and it breaks on the commander version npm hoists here.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js');
const root = path.resolve(import.meta.dirname, '..');
const electron = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies.electron;
const justified = JSON.parse(readFileSync(path.join(root, 'build/electronegativity-justified.json'), 'utf8'));

// it logs a failed attempt to download translations (there is no network here): keep its output quiet
const log = console.log;
console.log = () => {};
// one scan over the main process and the renderer together: its global checks (CSP, navigation
// guards, permission handler) look across both
const scan = mkdtempSync(path.join(os.tmpdir(), 'aqiqat-electronegativity-'));
for (const dir of ['electron', 'renderer']) cpSync(path.join(root, dir), path.join(scan, dir), { recursive: true });
let result;
try {
  result = await run({
    input: scan,
    isRelative: true,
    customScan: [],
    excludeFromScan: [],
    parserPlugins: [],
    electronVersionOverride: electron,
  });
} finally {
  console.log = log;
  rmSync(scan, { recursive: true, force: true });
}

const key = (i) => `${i.id} ${i.file}`;
const open = [];
for (const issue of result.issues) {
  const why = justified.find((j) => j.id === issue.id && j.file === issue.file);
  const where = `${issue.file}:${issue.location.line}:${issue.location.column}`;
  if (why) console.log(`justified  ${issue.id} (${issue.severity.name}) ${where}: ${why.reason}`);
  else
    open.push(
      `${issue.id} (${issue.severity.name}, ${issue.confidence.name}) ${where}: ${issue.description}${issue.sample ? ` [${issue.sample}]` : ''}`,
    );
}
for (const e of result.errors.filter((x) => !x.tolerable)) open.push(`could not parse ${e.file}: ${e.message}`);
const stale = justified.filter((j) => !result.issues.some((i) => key(i) === `${j.id} ${j.file}`));
for (const j of stale) console.log(`note: justification no longer needed: ${j.id} ${j.file}`);
console.log(
  `electronegativity: ${result.globalChecks + result.atomicChecks} checks, ${result.issues.length} findings, ${result.issues.length - open.length} justified, ${open.length} open`,
);
if (open.length > 0) {
  for (const o of open) console.log(`FINDING    ${o}`);
  process.exit(1);
}
