/**
 * What changed in an archive, told to observers after it is on disk (the search index keeps itself
 * up to date this way; the audit log records every event). Inside a batch, events wait for the
 * batch's writes and are dropped with it if it fails.
 */
import type { Article, Case, Entity, Fact } from '../model.js';

export type ArchiveEvent =
  | { type: 'article-added'; article: Article }
  /** with its facts (already deleted and removed from their cases, each told on its own first) */
  | { type: 'article-deleted'; article: Article; facts: number }
  | { type: 'fact-added'; fact: Fact }
  | { type: 'fact-deleted'; fact: Fact }
  /** edited, or changed by an entity merge or a tag rename/merge */
  | { type: 'fact-updated'; fact: Fact; previous: Fact }
  /** retagged by a tag rename/merge */
  | { type: 'article-updated'; article: Article; previous: Article }
  /** a page of an OCR article corrected by hand, or put back (`reverted`); `before`/`after`: SHA-256 of the page's text */
  | {
      type: 'article-text-corrected';
      article: Article;
      previous: Article;
      page: number;
      before: string;
      after: string;
      reverted: boolean;
      /** facts whose quote is no longer in the page */
      lost: string[];
    }
  /** a visual copy made (or made again) by `render`; one made at import is part of its article-added */
  | { type: 'visual-made'; article: Article; previous: Article }
  /** cases live in archive.json: told for the audit log (how a dossier came to be) */
  | { type: 'case-created' | 'case-updated' | 'case-deleted' | 'case-reordered'; case: Case }
  | { type: 'case-fact-added' | 'case-fact-removed'; case: Case; factId: string }
  /** who is named in which fact: every change of a name is told for the audit log */
  | { type: 'entity-added'; entity: Entity }
  | { type: 'entity-renamed'; entity: Entity; previousName: string }
  | { type: 'entity-aliases-added'; entity: Entity; aliases: string[] }
  | { type: 'entity-merged'; entity: Entity; merged: Entity; facts: number }
  | { type: 'tag-renamed' | 'tag-merged'; from: string; to: string; facts: number; articles: number };

export type ArchiveListener = (event: ArchiveEvent) => void | Promise<void>;

export class ArchiveEvents {
  readonly #listeners = new Set<ArchiveListener>();
  readonly #groupListeners = new Set<(events: readonly ArchiveEvent[]) => void | Promise<void>>();

  /**
   * Subscribe an observer that keeps something derived (the search index); returns the unsubscribe
   * function. Its failure does not fail the change, which is already saved: such an observer must
   * repair itself from the archive (the index re-indexes a shard changed behind its back).
   */
  on(listener: ArchiveListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Subscribe to each delivery as a whole (a batch at once), before the observers: for the audit
   * log, whose line must be written whatever an observer does, and whose failure the caller is told.
   */
  onEach(listener: (events: readonly ArchiveEvent[]) => void | Promise<void>): () => void {
    this.#groupListeners.add(listener);
    return () => this.#groupListeners.delete(listener);
  }

  async deliver(events: readonly ArchiveEvent[]): Promise<void> {
    if (events.length === 0) return;
    let failure: unknown = null;
    for (const listener of this.#groupListeners) {
      try {
        await listener(events);
      } catch (e) {
        failure ??= e;
      }
    }
    for (const event of events) {
      for (const listener of this.#listeners) {
        try {
          await listener(event);
        } catch {
          // derived data only (see on()): the change stands
        }
      }
    }
    if (failure !== null) throw failure;
  }
}
