/**
 * The "Add fact" / "Edit fact" panel beside the reader: type from the thesaurus (or a new one), date with
 * precision and "approximate" (with the date the passage states, suggested), people with roles, places,
 * organizations, tags, note, verification (status, how it was checked, corroborating facts); in edit mode also a new quote from a passage selected in the reader, delete
 * and "add to case". Ctrl+Enter saves.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, errorLine, type FactView } from '../../api.js';
import { suggestDate } from '../../../electron/shared/date-suggest.js';
import type { FactRole } from '../../../electron/api.js';
import { FACT_STATUSES, STATUSES_NEEDING_SUPPORT, type FactStatus } from '../../../electron/shared/provenance.js';
import { useI18n, type Say } from '../../i18n/i18n.js';
import { EntityField } from './EntityField.js';
import type { Passage } from './selection.js';
import type { Catalog } from './useCatalog.js';
import './annotate.css';

export type PanelTarget =
  | { mode: 'add'; articleId: string; quote: string; start: number; published: string | null }
  | { mode: 'edit'; fact: FactView; published: string | null };

interface Props {
  target: PanelTarget;
  catalog: Catalog;
  onSaved: (fact: FactView) => void;
  onDeleted: (fact: FactView) => void;
  onClose: () => void;
  onMessage: (say: Say) => void;
  /** in edit mode: the passage last selected in the reader while this panel is open */
  selection: Passage | null;
  /** in edit mode: start adding the selected passage as a fact of its own instead */
  onAddSelection: () => void;
}

const NEW_TYPE = '__new__';
const TRANSLATION_LANGS = ['kk', 'ru', 'en'] as const;
type TranslationLang = (typeof TRANSLATION_LANGS)[number];
type Drafts = Record<TranslationLang, { text: string; by: string }>;

function draftsOf(fact: FactView | null): Drafts {
  const of = (l: TranslationLang) => ({
    text: fact?.translations?.[l]?.text ?? '',
    by: fact?.translations?.[l]?.by ?? '',
  });
  return { kk: of('kk'), ru: of('ru'), en: of('en') };
}

/** Only the languages whose text or translator changed; an emptied text removes that translation. */
function changedTranslations(fact: FactView, drafts: Drafts) {
  const before = draftsOf(fact);
  const changed = TRANSLATION_LANGS.filter(
    (l) => drafts[l].text.trim() !== before[l].text || drafts[l].by.trim() !== before[l].by,
  );
  return Object.fromEntries(changed.map((l) => [l, { text: drafts[l].text, by: drafts[l].by }]));
}

export function FactPanel({
  target,
  catalog,
  onSaved,
  onDeleted,
  onClose,
  onMessage,
  selection,
  onAddSelection,
}: Props) {
  const { t, lang, date: showDate } = useI18n();
  const fact = target.mode === 'edit' ? target.fact : null;
  // edit mode: the passage the quote moves to when the fact is saved
  const [requote, setRequote] = useState<Passage | null>(null);
  const quote = requote?.quote ?? (fact ? fact.quote : target.mode === 'add' ? target.quote : '');
  const suggestion = useMemo(() => suggestDate(quote, target.published), [quote, target.published]);
  const [type, setType] = useState(fact?.type ?? 'statement');
  const [newType, setNewType] = useState('');
  const [date, setDate] = useState(
    (fact?.date ? (fact.date.end ? `${fact.date.value}/${fact.date.end}` : fact.date.value) : undefined) ??
      (target.mode === 'add' && suggestion ? suggestion.value : ''),
  );
  const [approximate, setApproximate] = useState(fact?.date?.approximate ?? false);
  const [people, setPeople] = useState<string[]>(fact?.people ?? []);
  const [roles, setRoles] = useState<Record<string, FactRole>>(fact?.roles ?? {});
  const [places, setPlaces] = useState<string[]>(fact?.places ?? []);
  const [orgs, setOrgs] = useState<string[]>(fact?.organizations ?? []);
  const [tags, setTags] = useState((fact?.tags ?? []).join(', '));
  const [note, setNote] = useState(fact?.note ?? '');
  const [translations, setTranslations] = useState<Drafts>(() => draftsOf(fact));
  const [caseId, setCaseId] = useState('');
  // verification: status, how it was checked, corroborating facts of other articles (ids)
  const [status, setStatus] = useState<FactStatus>(fact?.status ?? 'unverified');
  const [verificationNote, setVerificationNote] = useState(fact?.verificationNote ?? '');
  const [corroboratedBy, setCorroboratedBy] = useState((fact?.corroboratedBy ?? []).join(' '));
  const noteField = useRef<HTMLTextAreaElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const firstField = useRef<HTMLSelectElement>(null);

  useEffect(() => firstField.current?.focus(), []);

  const types =
    catalog.factTypes.length > 0
      ? catalog.factTypes
      : [{ id: 'statement', labels: { en: 'Statement', kk: 'Мәлімдеме', ru: 'Заявление' } }];
  const knownType = types.some((x) => x.id === type);

  const save = async () => {
    const by = corroboratedBy.split(/[\s,]+/).filter(Boolean);
    if (STATUSES_NEEDING_SUPPORT.includes(status) && by.length === 0 && !verificationNote.trim()) {
      setError(t('fact.needsSupport', { status: t(`status.${status}`) }));
      noteField.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const fields = {
      status,
      verificationNote,
      corroboratedBy: by,
      type: type === NEW_TYPE ? newType.trim() : type,
      approximate,
      people,
      places,
      organizations: orgs,
      tags: tags
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      note,
      roles: Object.fromEntries(Object.entries(roles).filter(([n]) => people.includes(n))),
    };
    try {
      const saved =
        target.mode === 'add'
          ? await api().addFact({
              articleId: target.articleId,
              quote: target.quote,
              near: target.start,
              ...fields,
              ...(date.trim() ? { date: date.trim() } : {}),
            })
          : await api().editFact({
              id: target.fact.id,
              ...fields,
              translations: changedTranslations(target.fact, translations),
              date: date.trim() || null,
              ...(requote ? { quote: requote.quote, near: requote.start } : {}),
            });
      onSaved(saved);
    } catch (e) {
      setError(errorLine(e));
    } finally {
      setBusy(false);
    }
  };

  const takeSelection = () => {
    if (!selection) return setError(t('fact.noSelection'));
    setError(null);
    setRequote(selection);
  };
  const offered =
    selection && (selection.start !== requote?.start || selection.quote !== requote.quote) ? selection : null;

  const remove = async () => {
    if (!fact) return;
    try {
      onDeleted(await api().deleteFact({ id: fact.id }));
    } catch (e) {
      setError(errorLine(e));
    }
  };

  const addToCase = async () => {
    if (!fact || !caseId) return;
    try {
      const c = await api().addFactsToCase({ id: caseId, factIds: [fact.id] });
      onMessage((t) => t('fact.addedToCase', { case: c.title }));
      await catalog.reload();
    } catch (e) {
      setError(errorLine(e));
    }
  };

  return (
    <section
      className="fact-panel"
      aria-labelledby="fact-panel-title"
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <h2 id="fact-panel-title">{t(fact ? 'fact.edit' : 'fact.add')}</h2>
      <blockquote className={`panel-quote${requote ? ' is-changed' : ''}`} aria-label={t('fact.quote')}>
        {quote}
      </blockquote>
      {fact && (
        <div className="requote">
          {requote && (
            <p className="hint">
              {t('fact.quoteChanged')}{' '}
              <button type="button" className="link" onClick={() => setRequote(null)}>
                {t('fact.keepQuote')}
              </button>
            </p>
          )}
          {offered ? (
            <p className="hint requote-offer">{t('fact.selected', { quote: offered.quote })}</p>
          ) : (
            !requote && <p className="hint">{t('fact.requoteHint')}</p>
          )}
          <div className="requote-actions">
            <button type="button" onClick={takeSelection}>
              {t('fact.useSelection')}
            </button>
            {offered && (
              <button type="button" className="link" onClick={onAddSelection}>
                {t('fact.addSelection')}
              </button>
            )}
          </div>
        </div>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span>{t('fact.type')}</span>
          <select ref={firstField} value={type} onChange={(e) => setType(e.target.value)}>
            {types.map((x) => (
              <option key={x.id} value={x.id}>
                {x.labels[lang]}
              </option>
            ))}
            {!knownType && type !== NEW_TYPE && <option value={type}>{type}</option>}
            <option value={NEW_TYPE}>{t('fact.newType')}</option>
          </select>
        </label>
        {type === NEW_TYPE && (
          <label className="field">
            <span>{t('fact.newTypeName')}</span>
            <input value={newType} onChange={(e) => setNewType(e.target.value)} />
          </label>
        )}
        <div className="field-row">
          <label className="field">
            <span>{t('fact.date')}</span>
            <input
              value={date}
              onChange={(e) => setDate(e.target.value)}
              placeholder={t('fact.datePlaceholder')}
              aria-describedby="date-hint"
            />
          </label>
          <label className="check">
            <input type="checkbox" checked={approximate} onChange={(e) => setApproximate(e.target.checked)} />
            {t('fact.approximate')}
          </label>
        </div>
        <p id="date-hint" className="hint">
          {t('fact.dateHint')}
          {suggestion && (
            <>
              {' · '}
              {t('fact.suggested', { date: showDate(suggestion) })}{' '}
              {date !== suggestion.value && (
                <button type="button" className="link" onClick={() => setDate(suggestion.value)}>
                  {t('fact.useSuggestion', { date: suggestion.value })}
                </button>
              )}
            </>
          )}
        </p>
        <EntityField
          kind="person"
          entities={catalog.entities}
          values={people}
          onChange={setPeople}
          roles={roles}
          onRoles={setRoles}
        />
        <EntityField kind="place" entities={catalog.entities} values={places} onChange={setPlaces} />
        <EntityField kind="organization" entities={catalog.entities} values={orgs} onChange={setOrgs} />
        <label className="field">
          <span>{t('fact.tags')}</span>
          <input value={tags} onChange={(e) => setTags(e.target.value)} placeholder={t('fact.tagsHint')} />
        </label>
        <label className="field">
          <span>{t('fact.note')}</span>
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
        </label>
        {fact && (
          <fieldset className="translations">
            <legend>{t('fact.translations')}</legend>
            <p className="hint">{t('fact.translationsHint')}</p>
            {TRANSLATION_LANGS.map((l) => (
              <div key={l} className="translation-field" data-lang={l}>
                <label className="field">
                  <span>{t(`fact.translationInto.${l}`)}</span>
                  <textarea
                    lang={l}
                    rows={2}
                    value={translations[l].text}
                    onChange={(e) => setTranslations((d) => ({ ...d, [l]: { ...d[l], text: e.target.value } }))}
                  />
                </label>
                <div className="field-row">
                  <label className="field">
                    <span>{t('fact.translator')}</span>
                    <input
                      value={translations[l].by}
                      onChange={(e) => setTranslations((d) => ({ ...d, [l]: { ...d[l], by: e.target.value } }))}
                    />
                  </label>
                  {translations[l].text && (
                    <button
                      type="button"
                      className="link"
                      onClick={() => setTranslations((d) => ({ ...d, [l]: { text: '', by: '' } }))}
                    >
                      {t('fact.removeTranslation')}
                    </button>
                  )}
                </div>
              </div>
            ))}
          </fieldset>
        )}
        <fieldset className="verification">
          <label className="field">
            <span>{t('fact.status')}</span>
            <select value={status} onChange={(e) => setStatus(e.target.value as FactStatus)}>
              {FACT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('fact.verificationNote')}</span>
            <textarea
              ref={noteField}
              value={verificationNote}
              onChange={(e) => setVerificationNote(e.target.value)}
              rows={2}
            />
          </label>
          <label className="field">
            <span>{t('fact.corroboratedBy')}</span>
            <input
              value={corroboratedBy}
              onChange={(e) => setCorroboratedBy(e.target.value)}
              placeholder={t('fact.corroboratedByHint')}
              spellCheck={false}
            />
          </label>
        </fieldset>
        {error && (
          <p className="panel-error" role="alert">
            {error}
          </p>
        )}
        <div className="panel-actions">
          <button type="submit" className="button-primary" disabled={busy}>
            {t('fact.save')} <kbd>Ctrl+Enter</kbd>
          </button>
          <button type="button" onClick={onClose}>
            {t('fact.cancel')} <kbd>Esc</kbd>
          </button>
          {fact && (
            <button type="button" className="danger" onClick={() => void remove()}>
              {t('fact.delete')}
            </button>
          )}
        </div>
      </form>
      {fact && (
        <div className="panel-case">
          {fact.cases.length > 0 && (
            <p className="hint">
              {t('fact.inCases', {
                cases: fact.cases.map((id) => catalog.cases.find((c) => c.id === id)?.title ?? id).join(', '),
              })}
            </p>
          )}
          <div className="field-row">
            <select aria-label={t('fact.chooseCase')} value={caseId} onChange={(e) => setCaseId(e.target.value)}>
              <option value="">{t('fact.chooseCase')}</option>
              {catalog.cases.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
            <button type="button" disabled={!caseId} onClick={() => void addToCase()}>
              {t('fact.addToCase')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
