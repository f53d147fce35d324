import { useEffect, useState } from 'react';
import { api } from '../../api.js';
import type { FactType } from '../../../electron/api.js';
import { useI18n } from '../../i18n/i18n.js';
import { factTypeLabel } from '../reader/format.js';

/** A fact type's label in the interface language (thesaurus), else its id made readable. */
export function useFactTypeLabel(): (type: string) => string {
  const { lang } = useI18n();
  const [types, setTypes] = useState<FactType[]>([]);
  useEffect(() => {
    api()
      .listFactTypes({})
      .then(setTypes, () => undefined);
  }, []);
  return (type) => types.find((x) => x.id === type)?.labels[lang] ?? factTypeLabel(type);
}
