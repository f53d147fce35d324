/**
 * Imports in flight that the app watches. The contract is request/response only, so the app names its
 * import (a job id it makes up), asks how far it is while it runs, and may cancel it; the CLI prints
 * the same pages from `onPage` instead. In memory only: a job lives as long as its import call.
 */
import type { ImportInput } from './articles.js';

/** How far a job is: the page being read by OCR (1-based) of the pages to read; null before the first. */
export interface ImportProgress {
  running: boolean;
  page: number | null;
  pages: number | null;
}

interface Job {
  page: number | null;
  pages: number | null;
  controller: AbortController;
}

export class ImportJobs {
  readonly #jobs = new Map<string, Job>();
  /** cancelled before its import call arrived (the calls may cross) */
  readonly #early = new Set<string>();

  /** The input's progress and cancel hooks for job `id`; `end` when its import call settles. */
  start(id: string, input: ImportInput): { input: ImportInput; end: () => void } {
    const job: Job = { page: null, pages: null, controller: new AbortController() };
    if (this.#early.delete(id)) job.controller.abort();
    this.#jobs.set(id, job);
    return {
      input: {
        ...input,
        signal: job.controller.signal,
        onPage: (page, pages) => {
          job.page = page;
          job.pages = pages;
          input.onPage?.(page, pages);
        },
      },
      end: () => {
        if (this.#jobs.get(id) === job) this.#jobs.delete(id);
      },
    };
  }

  progress(id: string): ImportProgress {
    const job = this.#jobs.get(id);
    return job ? { running: true, page: job.page, pages: job.pages } : { running: false, page: null, pages: null };
  }

  /** True when a running job was told to stop; an unknown id is remembered for a call still on its way. */
  cancel(id: string): boolean {
    const job = this.#jobs.get(id);
    if (!job) {
      // bounded: ids the app never sends an import for must not pile up
      if (this.#early.size > 100) this.#early.clear();
      this.#early.add(id);
      return false;
    }
    job.controller.abort();
    return true;
  }
}
