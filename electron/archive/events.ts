/**
 * What changed in an archive, told to observers after it is on disk (the search index keeps itself
 * up to date this way; an audit log can too). Inside a batch, events wait for the batch's writes and
 * are dropped with it if it fails.
 */
import type { Article, Case, Fact } from './model.js';

export type ArchiveEvent =
  | { type: 'article-added'; article: Article }
  | { type: 'fact-added'; fact: Fact }
  | { type: 'fact-deleted'; fact: Fact }
  /** edited, or changed by an entity merge or a tag rename/merge */
  | { type: 'fact-updated'; fact: Fact; previous: Fact }
  /** retagged by a tag rename/merge */
  | { type: 'article-updated'; article: Article; previous: Article }
  /** cases live in archive.json: told for the audit log (how a dossier came to be) */
  | { type: 'case-created' | 'case-updated' | 'case-deleted' | 'case-reordered'; case: Case }
  | { type: 'case-fact-added' | 'case-fact-removed'; case: Case; factId: string };

export type ArchiveListener = (event: ArchiveEvent) => void | Promise<void>;

export class ArchiveEvents {
  readonly #listeners = new Set<ArchiveListener>();

  /** Subscribe; returns the unsubscribe function. */
  on(listener: ArchiveListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async deliver(events: readonly ArchiveEvent[]): Promise<void> {
    for (const event of events) for (const listener of this.#listeners) await listener(event);
    if (events.length > 0) for (const listener of this.#groupListeners) await listener(events);
  }

  readonly #groupListeners = new Set<(events: readonly ArchiveEvent[]) => void | Promise<void>>();

  /** Subscribe to each delivery as a whole (a batch at once): for listeners that fsync, like the audit log. */
  onEach(listener: (events: readonly ArchiveEvent[]) => void | Promise<void>): () => void {
    this.#groupListeners.add(listener);
    return () => this.#groupListeners.delete(listener);
  }
}
