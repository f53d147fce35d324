/**
 * What the last action said, kept as how to say it rather than as text: a switch of the interface
 * language words it again (an error through errorLine, which follows the language too).
 */
import { errorLine } from '../../api.js';
import { useI18n, type T } from '../../i18n/i18n.js';

export type Said = { kind: 'busy' | 'done' | 'error'; say: (t: T) => string } | null;

export const said = (kind: 'busy' | 'done', say: (t: T) => string): Said => ({ kind, say });
export const failed = (e: unknown): Said => ({ kind: 'error', say: () => errorLine(e) });

export function SaidLine({ line }: { line: Said }) {
  const { t } = useI18n();
  if (!line) return null;
  return (
    <p className={line.kind === 'error' ? 'panel-error' : 'hint'} role={line.kind === 'error' ? 'alert' : 'status'}>
      {line.say(t)}
    </p>
  );
}
