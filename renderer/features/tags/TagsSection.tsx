/** Tags: the tree with counts, and a tag's page with rename and merge (its children move with it). */
import { useCallback, useEffect, useState } from 'react';
import { api, errorLine } from '../../api.js';
import type { TagNode } from '../../../electron/api.js';
import { Outcome } from '../../components/Outcome.js';
import { PickForm } from '../../components/PickForm.js';
import { useI18n } from '../../i18n/i18n.js';
import '../cases/sections.css';

const flatten = (nodes: readonly TagNode[]): TagNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

export function TagsSection() {
  const { t } = useI18n();
  const [tree, setTree] = useState<TagNode[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const reload = useCallback(async () => setTree(await api().listTags({})), []);
  useEffect(() => {
    void reload();
  }, [reload]);
  const node = tree ? flatten(tree).find((n) => n.path === open) : undefined;

  const renderNodes = (nodes: readonly TagNode[]) => (
    <ul className="tag-tree" role="list">
      {nodes.map((n) => (
        <li key={n.path}>
          <button
            type="button"
            className={`plain-row tag-row${n.path === open ? ' is-current' : ''}`}
            aria-current={n.path === open ? 'true' : undefined}
            onClick={() => {
              setOpen(n.path);
              setStatus(null);
            }}
          >
            <span className="row-title">{n.name}</span>
            <span className="count">{n.total}</span>
          </button>
          {n.children.length > 0 && renderNodes(n.children)}
        </li>
      ))}
    </ul>
  );

  return (
    <>
      <section className="list-pane" aria-label={t('section.tags')}>
        <header className="list-head">
          <h2 className="list-title">{t('section.tags')}</h2>
        </header>
        {tree && tree.length === 0 && <p className="pane-message">{t('tags.empty')}</p>}
        <div className="scroll">{tree && renderNodes(tree)}</div>
      </section>
      <main className="detail-pane" key={open ?? 'none'}>
        {node && tree ? (
          <TagDetail
            node={node}
            all={flatten(tree)}
            status={status}
            onMoved={async (to, message) => {
              await reload();
              setOpen(to);
              setStatus(message);
            }}
          />
        ) : (
          <p className="pane-message detail-empty">{t('tags.choose')}</p>
        )}
      </main>
    </>
  );
}

function TagDetail({
  node,
  all,
  status,
  onMoved,
}: {
  node: TagNode;
  all: TagNode[];
  status: string | null;
  onMoved: (to: string, message: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [to, setTo] = useState(node.path);
  const [into, setInto] = useState('');
  const [error, setError] = useState<string | null>(null);
  const move = async (work: () => Promise<{ to: string; facts: number; articles: number }>) => {
    try {
      const r = await work();
      await onMoved(r.to, t('tag.moved', { to: r.to, facts: r.facts, articles: r.articles }));
    } catch (e) {
      setError(errorLine(e));
    }
  };
  const targets = all.filter((n) => n.path !== node.path && !n.path.startsWith(`${node.path}/`));
  return (
    <article className="case-view" aria-labelledby="tag-title">
      <h1 id="tag-title" className="tag-path">
        {node.path}
      </h1>
      <p className="hint">{t('tag.counts', { facts: node.facts, articles: node.articles, total: node.total })}</p>
      <div className="forms">
        <form
          className="form-row"
          onSubmit={(e) => {
            e.preventDefault();
            void move(() => api().renameTag({ from: node.path, to }));
          }}
        >
          <input aria-label={t('tag.rename')} value={to} onChange={(e) => setTo(e.target.value)} />
          <button type="submit" disabled={!to.trim() || to === node.path}>
            {t('tag.renameButton')}
          </button>
        </form>
        {targets.length > 0 && (
          <PickForm
            label={t('tag.merge')}
            prompt={t('tag.merge')}
            options={targets.map((n) => ({ value: n.path, label: n.path }))}
            value={into}
            onChange={setInto}
            button={t('tag.mergeButton')}
            onSubmit={() => void move(() => api().mergeTag({ from: node.path, into }))}
          />
        )}
      </div>
      <Outcome status={status} error={error} />
    </article>
  );
}
