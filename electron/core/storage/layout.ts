/** Where each part of an archive lives inside its folder. */
import path from 'node:path';
import type { Article } from '../model.js';

export const SHARD_COUNT = 256;

export interface Layout {
  root: string;
  archiveFile: string;
  shardsDir: string;
  textsDir: string;
  sourcesDir: string;
  indexDir: string;
  backupsDir: string;
}

export function layoutOf(root: string): Layout {
  const abs = path.resolve(root);
  return {
    root: abs,
    archiveFile: path.join(abs, 'archive.json'),
    shardsDir: path.join(abs, 'shards'),
    textsDir: path.join(abs, 'texts'),
    sourcesDir: path.join(abs, 'sources'),
    indexDir: path.join(abs, 'index'),
    backupsDir: path.join(abs, 'backups'),
  };
}

/** The archive's own folders, its root first: created together, swept together, locked down together. */
export const folders = (l: Layout): string[] => [
  l.root,
  l.shardsDir,
  l.textsDir,
  l.sourcesDir,
  l.indexDir,
  l.backupsDir,
];

/** Article ids are hex digests, so their first two digits spread articles evenly over 256 shards. */
export const shardOf = (articleId: string): number => parseInt(articleId.slice(0, 2), 16) % SHARD_COUNT;

const shardName = (n: number) => n.toString(16).padStart(2, '0');
export const articleShardFile = (l: Layout, n: number) => path.join(l.shardsDir, `${shardName(n)}.articles.json`);
export const factShardFile = (l: Layout, n: number) => path.join(l.shardsDir, `${shardName(n)}.facts.json`);
export const textFile = (l: Layout, textSha256: string) => path.join(l.textsDir, `${textSha256}.txt`);
/** An article's text files: its text, and the machine's reading while a page of it is corrected by hand. */
export const textShas = (a: Pick<Article, 'textSha256' | 'ocr'>): string[] => [
  a.textSha256,
  ...(a.ocr?.machineTextSha256 ? [a.ocr.machineTextSha256] : []),
];
export const sourceFile = (l: Layout, sha256: string, ext: string) => path.join(l.sourcesDir, `${sha256}.${ext}`);
