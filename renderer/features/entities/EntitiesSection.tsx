/** People & places: the list by kind, and an entity's page (aliases, facts, articles, cases; rename, merge). */
import { useCallback, useEffect, useState } from 'react';
import { api, errorLine } from '../../api.js';
import type { Entity, EntityPage } from '../../../electron/api.js';
import { useI18n } from '../../i18n/i18n.js';
import { ArticleLink } from '../../components/ArticleLink.js';
import { Outcome } from '../../components/Outcome.js';
import { PickForm } from '../../components/PickForm.js';
import { useFactTypeLabel } from '../cases/useFactTypeLabel.js';
import '../cases/sections.css';

const KINDS = ['person', 'place', 'organization'] as const;
const KIND_PLURAL = { person: 'kind.persons', place: 'kind.places', organization: 'kind.organizations' } as const;

export function EntitiesSection({
  onOpenArticle,
}: {
  onOpenArticle: (articleId: string, factId: string | null) => void;
}) {
  const { t } = useI18n();
  const [entities, setEntities] = useState<Entity[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const reload = useCallback(async () => setEntities(await api().listEntities({})), []);
  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <>
      <section className="list-pane" aria-label={t('section.entities')}>
        <header className="list-head">
          <h2 className="list-title">{t('section.entities')}</h2>
        </header>
        {entities && entities.length === 0 && <p className="pane-message">{t('entities.empty')}</p>}
        <div className="scroll">
          {KINDS.map((kind) => {
            const of = entities?.filter((e) => e.kind === kind) ?? [];
            if (of.length === 0) return null;
            return (
              <section key={kind} aria-label={t(KIND_PLURAL[kind])}>
                <h3 className="group-title">{t(KIND_PLURAL[kind])}</h3>
                <ul className="plain-list">
                  {of.map((e) => (
                    <li key={e.id}>
                      <button
                        type="button"
                        className={`plain-row${e.id === openId ? ' is-current' : ''}`}
                        aria-current={e.id === openId ? 'true' : undefined}
                        onClick={() => setOpenId(e.id)}
                      >
                        <span className="row-title">{e.name}</span>
                        {e.aliases.length > 0 && <span className="row-sub">{e.aliases.join(' · ')}</span>}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      </section>
      <main className="detail-pane" key={openId ?? 'none'}>
        {openId && entities ? (
          <EntityDetail id={openId} entities={entities} onChanged={() => void reload()} onOpenArticle={onOpenArticle} />
        ) : (
          <p className="pane-message detail-empty">{t('entities.choose')}</p>
        )}
      </main>
    </>
  );
}

function EntityDetail({
  id,
  entities,
  onChanged,
  onOpenArticle,
}: {
  id: string;
  entities: Entity[];
  onChanged: () => void;
  onOpenArticle: (articleId: string, factId: string | null) => void;
}) {
  const { t, date } = useI18n();
  const typeLabel = useFactTypeLabel();
  const [page, setPage] = useState<EntityPage | null>(null);
  const [name, setName] = useState('');
  const [alias, setAlias] = useState('');
  const [other, setOther] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    const p = await api().getEntity({ id });
    setPage(p);
    setName(p.entity.name);
  }, [id]);
  useEffect(() => {
    load().catch((e: unknown) => setError(errorLine(e)));
  }, [load]);

  const run = async (work: () => Promise<unknown>, message?: string) => {
    try {
      await work();
      await load();
      setError(null);
      setStatus(message ?? null);
      onChanged();
    } catch (e) {
      setError(errorLine(e));
    }
  };
  if (!page)
    return error ? (
      <p className="pane-message error" role="alert">
        {error}
      </p>
    ) : null;
  const { entity } = page;
  const others = entities.filter((e) => e.kind === entity.kind && e.id !== entity.id);

  return (
    <article className="case-view" aria-labelledby="entity-title">
      <p className="kicker">{t(`kind.${entity.kind}`)}</p>
      <h1 id="entity-title">{entity.name}</h1>
      <h2 className="case-h2">{t('entity.aliases')}</h2>
      {entity.aliases.length ? (
        <p className="aliases">{entity.aliases.join(' · ')}</p>
      ) : (
        <p className="hint">{t('entity.noAliases')}</p>
      )}
      <div className="forms">
        <form
          className="form-row"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => api().addAliases({ id, aliases: [alias] })).then(() => setAlias(''));
          }}
        >
          <input
            aria-label={t('entity.addAlias')}
            placeholder={t('entity.addAlias')}
            value={alias}
            onChange={(e) => setAlias(e.target.value)}
          />
          <button type="submit" disabled={!alias.trim()}>
            {t('fact.add.button')}
          </button>
        </form>
        <form
          className="form-row"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => api().renameEntity({ id, name }));
          }}
        >
          <input aria-label={t('entity.newName')} value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" disabled={!name.trim() || name === entity.name}>
            {t('entity.rename')}
          </button>
        </form>
        {others.length > 0 && (
          <PickForm
            label={t('entity.mergeWhich', { kind: t(`kind.${entity.kind}`).toLowerCase() })}
            prompt={t('entity.merge')}
            options={others.map((o) => ({ value: o.id, label: o.name }))}
            value={other}
            onChange={setOther}
            button={t('entity.mergeButton')}
            onSubmit={() =>
              void api()
                .mergeEntities({ keep: id, other })
                .then(
                  (r) => run(async () => undefined, t('entity.merged', { n: r.factsMoved })),
                  (err: unknown) => setError(errorLine(err)),
                )
                .then(() => setOther(''))
            }
          />
        )}
      </div>
      <Outcome status={status} error={error} />
      <h2 className="case-h2">
        {t('entity.facts')} <span className="count">{page.facts.length}</span>
      </h2>
      {page.facts.length === 0 ? (
        <p className="hint">{t('entity.none')}</p>
      ) : (
        <ol className="case-facts">
          {page.facts.map((f) => (
            <li key={f.id} className="case-fact">
              <div className="case-fact-date">
                <time>{date(f.date)}</time>
              </div>
              <div className="case-fact-body">
                <span className="fact-type-text">{typeLabel(f.type)}</span>
                {f.roles[entity.name] && (
                  <span className="fact-type-text"> · {t(`role.${f.roles[entity.name]!}`)}</span>
                )}
                <blockquote>{f.quote}</blockquote>
                <p className="case-fact-source">
                  <ArticleLink article={f.article} onOpen={() => onOpenArticle(f.article.id, f.id)} />
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
      <h2 className="case-h2">{t('entity.articles')}</h2>
      {page.articles.length === 0 ? (
        <p className="hint">{t('entity.none')}</p>
      ) : (
        <ul className="link-list">
          {page.articles.map((a) => (
            <li key={a.id}>
              <ArticleLink article={a} onOpen={() => onOpenArticle(a.id, null)} />
            </li>
          ))}
        </ul>
      )}
      <h2 className="case-h2">{t('entity.cases')}</h2>
      {page.cases.length === 0 ? (
        <p className="hint">{t('entity.none')}</p>
      ) : (
        <ul className="link-list">
          {page.cases.map((c) => (
            <li key={c.id}>{c.title}</li>
          ))}
        </ul>
      )}
    </article>
  );
}
