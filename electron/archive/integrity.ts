/**
 * `aqiqat verify`: chain of custody. Every text and source is re-hashed against the SHA-256 its
 * article records (and its file name carries); the audit log's hash chain is checked.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isTempFile } from './atomic.js';
import { sourceFile, textFile } from './layout.js';
import { readStored, type ArchiveStore } from './store.js';

export interface IntegrityProblem {
  /** path inside the archive */
  file: string;
  problem: 'missing' | 'changed' | 'unreferenced-changed' | 'audit-chain';
  detail: string;
}

export interface IntegrityReport {
  articles: number;
  filesChecked: number;
  auditEntries: number;
  /** audit lines cut short by a crash (marked by the append after it): not a problem, but said */
  auditTornLines: number;
  problems: IntegrityProblem[];
}

export async function verifyArchive(store: ArchiveStore): Promise<IntegrityReport> {
  // hashes are of the plain content: an encrypted archive's files are opened first (a changed
  // ciphertext fails to authenticate, and is reported as changed)
  const hashFile = async (file: string): Promise<string | null> => {
    let bytes: Buffer;
    try {
      bytes = await readStored(store.codec, file);
    } catch {
      return null;
    }
    try {
      return createHash('sha256').update(store.codec.open(bytes, file)).digest('hex');
    } catch {
      return 'does-not-authenticate';
    }
  };
  const { layout } = store;
  const rel = (f: string) => path.relative(layout.root, f).split(path.sep).join('/');
  const problems: IntegrityProblem[] = [];
  const articles = await store.allArticles();
  const seen = new Set<string>();
  let filesChecked = 0;
  const check = async (file: string, expected: string, what: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    filesChecked++;
    const actual = await hashFile(file);
    if (actual === null) problems.push({ file: rel(file), problem: 'missing', detail: `${what} is missing` });
    else if (actual !== expected) problems.push({ file: rel(file), problem: 'changed', detail: `${what} has SHA-256 ${actual}, recorded ${expected}` });
  };
  for (const a of articles) {
    await check(sourceFile(layout, a.sha256, a.sourceExt), a.sha256, `the source of article ${a.id}`);
    await check(textFile(layout, a.textSha256), a.textSha256, `the text of article ${a.id}`);
  }
  // files no article names (left by a crash between the content write and the metadata) still carry
  // their hash in their name; an encrypted archive's names are keyed hashes, so this check is for plain ones
  for (const dir of store.codec.encrypted ? [] : [layout.textsDir, layout.sourcesDir]) {
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const file = path.join(dir, name);
      const m = /^([0-9a-f]{64})\./.exec(name);
      if (seen.has(file) || isTempFile(name) || !m) continue;
      filesChecked++;
      const actual = await hashFile(file);
      if (actual !== null && actual !== m[1]) problems.push({ file: rel(file), problem: 'unreferenced-changed', detail: `no article names it, and its content does not match its name (SHA-256 ${actual})` });
    }
  }
  const audit = await store.audit.readAll();
  for (const b of audit.broken) problems.push({ file: 'audit.log', problem: 'audit-chain', detail: b });
  return { articles: articles.length, filesChecked, auditEntries: audit.entries.length, auditTornLines: audit.torn, problems };
}
