/**
 * What a call is: its zod input, checked before anything runs, and its handler, whose result type is the
 * call's result type (inferred, never written twice). Each domain declares its calls in its `calls.ts`; the
 * IPC contract, the dispatcher, the renderer client and the CLI's input checks all derive from them.
 */
import { z } from 'zod';
import type { Archive } from './archive.js';
import type { DossierHost } from './dossier/host.js';
import type { PageRenderer } from './visual/page.js';

/** What only the app has (a printer, a save dialog, a preview window); absent in tests that do not print. */
export interface CallHost {
  dossier?: DossierHost | undefined;
  /** renders a saved page's visual copy at import (the app: Electron; the e2e tests: Playwright) */
  pageRenderer?: PageRenderer | undefined;
}

export interface Call<Ctx, S extends z.ZodType = z.ZodType, R = unknown> {
  readonly input: S;
  // a method, not a function property: checked bivariantly, so any call is a Call<Ctx> (the dispatcher's view)
  run(ctx: Ctx, input: z.output<S>, host: CallHost): Promise<R>;
}

/** A call's handler; `Ctx` is what it runs against (the core's calls: the open archive). */
export function callOn<Ctx>() {
  return <S extends z.ZodType, R>(
    input: S,
    run: (ctx: Ctx, input: z.output<S>, host: CallHost) => R | Promise<R>,
  ): Call<Ctx, S, R> => ({ input, run: async (ctx, i, host) => run(ctx, i, host) });
}

/** An archive call: run by the shell inside its session (refused while locked, counted as activity). */
export const call = callOn<Archive>();

/** A domain's calls, by method name. */
export type Calls<Ctx> = Record<string, Call<Ctx>>;

export const defineCalls = <T extends Calls<Archive>>(calls: T): T => calls;

// Input pieces that several domains take alike.
/** A call that takes nothing (anything given is refused). */
export const noInput = z.object({}).strict();
export const id = z.string().min(1).max(200);
export const optionalText = (max: number) => z.string().max(max).optional();
export const names = z.array(z.string().min(1).max(300)).max(100).optional();
