/** The Receive… plan in groups a reader scans: what comes by kind, and apart from it what needs a decision. */
import type { Output } from '../../../electron/api.js';

export type PlanChange = Output<'receivePlan'>['changes'][number];
export type PlanGroup = 'articles' | 'facts' | 'entities' | 'cases' | 'tags' | 'conflicts';

const ORDER: readonly PlanGroup[] = ['articles', 'facts', 'entities', 'cases', 'tags', 'conflicts'];
const BY_KIND: Record<PlanChange['kind'], PlanGroup> = {
  article: 'articles',
  fact: 'facts',
  entity: 'entities',
  case: 'cases',
  tag: 'tags',
};

/** The non-empty groups in a fixed order, each keeping the plan's order within it. */
export function groupPlan(changes: readonly PlanChange[]): { group: PlanGroup; changes: PlanChange[] }[] {
  const groups = new Map<PlanGroup, PlanChange[]>(ORDER.map((g) => [g, []]));
  for (const c of changes) {
    const group = c.action === 'conflict' || c.action === 'suggest' ? 'conflicts' : BY_KIND[c.kind];
    groups.get(group)!.push(c);
  }
  return ORDER.map((group) => ({ group, changes: groups.get(group)! })).filter((g) => g.changes.length > 0);
}
