/**
 * Building a whole index from the archive's records, with no I/O: the part of a rebuild that costs
 * CPU (tokenizing, analysing, postings, the base file's bytes). It runs in the index thread
 * (`build-worker.ts`, through `build-thread.ts`) so that the app answers while it runs, or inline when
 * there is no bundled thread beside the code (the TypeScript sources under vitest).
 */
import type { Article, Fact } from '../model.js';
import { Analyzer, tokenize } from './analyze.js';
import { articleDoc, factDoc, indexedPart } from './documents.js';
import { SearchIndex } from './index.js';
import { encodeBase, type Fingerprint } from './persist.js';

/** One article as the builder takes it: its record, its facts and its text. */
export interface BuildItem {
  article: Article;
  facts: Fact[];
  text: string;
}

/** What the finished base is written with. */
export interface BuildSeal {
  analyzerId: string;
  epoch: string;
  fingerprint: Fingerprint;
}

export class IndexBuilder {
  readonly index: SearchIndex;

  constructor(protectedKeys: ReadonlySet<string>) {
    this.index = new SearchIndex(new Analyzer(protectedKeys));
  }

  /** Items must come oldest first: document numbers follow the archive's history. */
  add(item: BuildItem): void {
    const tokens = tokenize(indexedPart(item.text));
    const a = articleDoc(item.article, tokens);
    this.index.addDoc(a.meta, a.weights);
    for (const f of item.facts) {
      const d = factDoc(f, item.article, tokens);
      this.index.addDoc(d.meta, d.weights);
    }
  }

  encode(seal: BuildSeal): Buffer {
    return encodeBase(this.index, seal.analyzerId, seal.epoch, seal.fingerprint);
  }
}
