/**
 * Names that spelling rules cannot join (Өскемен = Усть-Каменогорск, Алматы = Алма-Ата): the
 * gazetteer shipped in data/gazetteer.json, an archive's own gazetteer.json, and the archive's
 * entities (a name and its aliases). A query naming one member also looks for the others, at the
 * lowest tier ("alias"), so direct matches stay on top.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import shipped from '../../../data/gazetteer.json' with { type: 'json' };
import geonames from '../../../data/geonames-aliases.json' with { type: 'json' };
import { plainCodec, type Codec } from '../protection/crypto.js';
import { AqiqatError } from '../errors.js';
import type { Entity } from '../model.js';
import { tokenize, type Analyzer, type Token, type WordAnalysis } from './analyze.js';
import { foldKey } from './fold.js';

export const GazetteerSchema = z.object({
  schemaVersion: z.literal(1),
  groups: z
    .array(
      z.object({
        kind: z.enum(['person', 'organization', 'place']),
        names: z.array(z.string().min(1).max(200)).min(1),
      }),
    )
    .max(100_000),
});
export type Gazetteer = z.infer<typeof GazetteerSchema>;

export const SHIPPED_GAZETTEER: Gazetteer = GazetteerSchema.parse(shipped);
/** What every archive's search knows: ours, and Kazakhstan's places as GeoNames names them (CC-BY-4.0). */
export const SHIPPED_GAZETTEERS: readonly Gazetteer[] = [SHIPPED_GAZETTEER, GazetteerSchema.parse(geonames)];

/** An archive's own names, in its folder. */
export const GAZETTEER_FILE = 'gazetteer.json';

/**
 * An archive's own gazetteer.json, if any, through the archive's codec (sealed in an encrypted archive:
 * it names people): a malformed one is a one-line error, not ignored silently.
 */
export async function readGazetteer(file: string, codec: Codec = plainCodec): Promise<Gazetteer | null> {
  let stored: Buffer;
  try {
    stored = await readFile(file);
  } catch {
    return null;
  }
  const raw = codec.open(stored, file).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new AqiqatError('gazetteer.invalid-json', { file }, 'archive');
  }
  const parsed = GazetteerSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AqiqatError(
      'gazetteer.malformed',
      { file, at: issue?.path.join('.') ?? '', detail: issue?.message ?? 'invalid' },
      'archive',
    );
  }
  return parsed.data;
}

/**
 * A name or query as words: hyphenated compounds count as one word (Усть-Каменогорск), so their
 * parts are dropped.
 */
export function nameTokens(text: string): Token[] {
  const all = tokenize(text);
  return all.filter(
    (t) => !all.some((c) => c !== t && c.start <= t.start && c.end >= t.end && c.end - c.start > t.end - t.start),
  );
}

/** Folded keys of the gazetteer's one-word names: never suffix-stripped (Алматы must not lose -ы). */
export function protectedKeys(gazetteers: readonly Gazetteer[]): Set<string> {
  const out = new Set<string>();
  for (const g of gazetteers) {
    for (const group of g.groups) {
      for (const name of group.names) {
        const words = nameTokens(name);
        if (words.length === 1) out.add(foldKey(words[0]!.surface.replace(/-/g, '')));
      }
    }
  }
  out.delete('');
  return out;
}

interface Member {
  words: WordAnalysis[];
  group: number;
}

export class AliasTable {
  readonly #groups: WordAnalysis[][][] = [];
  /** folded key of a member's first word → members */
  readonly #byFirst = new Map<string, Member[]>();

  constructor(analyzer: Analyzer, groups: ReadonlyArray<{ names: readonly string[] }>) {
    for (const group of groups) {
      const g = this.#groups.length;
      const members = group.names
        .map((n) => nameTokens(n).map((t) => analyzer.analyze(t.surface)))
        .filter((w) => w.length > 0);
      if (members.length < 2) continue;
      this.#groups.push(members);
      for (const words of members) {
        const first = words[0]!.key;
        const list = this.#byFirst.get(first) ?? [];
        list.push({ words, group: g });
        this.#byFirst.set(first, list);
      }
    }
  }

  static of(analyzer: Analyzer, gazetteers: readonly Gazetteer[], entities: readonly Entity[]): AliasTable {
    const groups = [
      ...gazetteers.flatMap((g) => g.groups),
      ...entities.map((e) => ({ names: [e.name, ...e.aliases] })),
    ];
    return new AliasTable(analyzer, groups);
  }

  /**
   * The longest member that the query words starting at `at` name (the query word may be inflected:
   * Алматыда names Алматы), and the other members of its groups.
   */
  match(query: readonly WordAnalysis[], at: number): { length: number; alternatives: WordAnalysis[][] } | null {
    const q = query[at]!;
    const candidates = [q.key, ...q.keyStems].flatMap((k) => this.#byFirst.get(k) ?? []);
    let best = 0;
    const groups = new Set<number>();
    for (const m of candidates) {
      const n = m.words.length;
      if (at + n > query.length) continue;
      if (!m.words.every((w, i) => names(query[at + i]!, w))) continue;
      if (n > best) {
        best = n;
        groups.clear();
      }
      if (n === best) groups.add(m.group);
    }
    if (best === 0) return null;
    const alternatives: WordAnalysis[][] = [];
    const seen = new Set<string>();
    for (const g of groups) {
      for (const words of this.#groups[g]!) {
        const id = words.map((w) => w.key).join(' ');
        if (!seen.has(id)) {
          seen.add(id);
          alternatives.push(words);
        }
      }
    }
    return { length: best, alternatives };
  }
}

/** Does query word `q` name member word `m`: the same key, or an inflected form of it. */
const names = (q: WordAnalysis, m: WordAnalysis): boolean => q.key === m.key || q.keyStems.includes(m.key);
