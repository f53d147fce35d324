// node --import ./tests/unit/kill/fault-hook.mjs build/aqiqat.js …: file system faults for a real CLI run.
// AQIQAT_CRASH_AT=K: SIGKILL just before the K-th file mutation (rename, link, rm, unlink, appendFile,
//   open for append); AQIQAT_CRASH_LOG=FILE lists the mutations (a run without a kill counts them).
// AQIQAT_FAULT=CODE:OP:REGEX: every OP (rename, or write: data written to a file) on a path
//   matching REGEX fails with CODE, e.g. EBUSY:rename:\.restoring- (a folder Windows' antivirus holds) or
//   ENOSPC:write:backups/ (a full disk). A write writes half its bytes first, as a disk filling up does.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';

const at = Number(process.env.AQIQAT_CRASH_AT ?? 0);
const log = process.env.AQIQAT_CRASH_LOG;
const [code, op, ...rest] = (process.env.AQIQAT_FAULT ?? '').split(':');
const pattern = rest.join(':');
const matches = (what, p) => op !== undefined && what === op && new RegExp(pattern).test(String(p));
const fault = (what, p) => Object.assign(new Error(`${code}: injected fault, ${what} '${p}'`), { code, syscall: what });

let n = 0;
const step = (what, p) => {
  n++;
  if (log) fs.appendFileSync(log, `${n} ${what} ${p}\n`);
  if (n === at) process.kill(process.pid, 'SIGKILL');
};

for (const name of ['rename', 'link', 'rm', 'unlink', 'appendFile']) {
  const orig = fsp[name];
  fsp[name] = function (...args) {
    step(name, args[0]);
    if (matches(name, args[0])) return Promise.reject(fault(name, args[0]));
    return orig.apply(this, args);
  };
}

const paths = new WeakMap();
const origOpen = fsp.open;
fsp.open = async function (p, flags, ...rest) {
  if (flags === 'a' || flags === 'a+') step('open-append', p);
  const h = await origOpen.call(this, p, flags, ...rest);
  paths.set(h, String(p));
  return h;
};
const probe = await origOpen('/dev/null', 'r');
const FH = Object.getPrototypeOf(probe);
await probe.close();
const origWrite = FH.write;
const origWriteFile = FH.writeFile;
const half = async (h, data) => {
  const b = Buffer.from(data);
  await origWrite.call(h, b.subarray(0, b.length >> 1));
};
FH.write = async function (data, ...rest) {
  if (matches('write', paths.get(this))) {
    await half(this, data);
    throw fault('write', paths.get(this));
  }
  return origWrite.call(this, data, ...rest);
};
const origFspWriteFile = fsp.writeFile;
fsp.writeFile = async function (p, data, ...rest) {
  if (matches('write', p)) {
    await origFspWriteFile.call(this, p, Buffer.from(data).subarray(0, Buffer.byteLength(data) >> 1), ...rest);
    throw fault('write', p);
  }
  return origFspWriteFile.call(this, p, data, ...rest);
};
FH.writeFile = async function (data, ...rest) {
  if (matches('write', paths.get(this))) {
    await half(this, data);
    throw fault('write', paths.get(this));
  }
  return origWriteFile.call(this, data, ...rest);
};
syncBuiltinESMExports();
