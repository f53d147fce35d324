/** The Receive… plan's groups: by kind, the conflicts apart, in a fixed order, none empty. */
import { describe, expect, it } from 'vitest';
import { groupPlan, type PlanChange } from '../../../renderer/features/team/plan-groups.js';

const c = (action: PlanChange['action'], kind: PlanChange['kind'], id: string): PlanChange => ({
  action,
  kind,
  id,
  summary: id,
});

describe('groupPlan', () => {
  it('groups by kind in a fixed order, conflicts and suggestions last, the plan order kept within', () => {
    const plan = [
      c('add', 'case', 'c1'),
      c('conflict', 'fact', 'f9'),
      c('add', 'fact', 'f1'),
      c('suggest', 'entity', 'e9'),
      c('update', 'fact', 'f2'),
      c('add', 'article', 'a1'),
      c('add', 'entity', 'e1'),
      c('delete', 'fact', 'f3'),
    ];
    expect(groupPlan(plan).map((g) => [g.group, g.changes.map((x) => x.id)])).toEqual([
      ['articles', ['a1']],
      ['facts', ['f1', 'f2', 'f3']],
      ['entities', ['e1']],
      ['cases', ['c1']],
      ['conflicts', ['f9', 'e9']],
    ]);
  });

  it('leaves out empty groups', () => {
    expect(groupPlan([])).toEqual([]);
    expect(groupPlan([c('add', 'tag', 't1')]).map((g) => g.group)).toEqual(['tags']);
  });
});
