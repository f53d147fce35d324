/** What the annotation forms choose from: fact types, entities (with aliases) and cases. */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api.js';
import type { CaseSummary, Entity, FactType } from '../../../electron/api.js';

export interface Catalog {
  factTypes: FactType[];
  entities: Entity[];
  cases: CaseSummary[];
  reload: () => Promise<void>;
}

export function useCatalog(version = 0): Catalog {
  const [state, setState] = useState<Omit<Catalog, 'reload'>>({ factTypes: [], entities: [], cases: [] });
  const reload = useCallback(async () => {
    const [factTypes, entities, cases] = await Promise.all([
      api().listFactTypes({}),
      api().listEntities({}),
      api().listCases({}),
    ]);
    setState({ factTypes, entities, cases });
  }, []);
  useEffect(() => {
    reload().catch(() => undefined); // the forms still work with free text if this fails
  }, [reload, version]);
  return { ...state, reload };
}
