/**
 * The victim of the SIGKILL test (durability.test.ts): opens the archive and writes as fast as it can,
 * printing one line per write *after* the write returned ("acknowledged"), until it is killed.
 * Bundled by the test with esbuild and run as a plain Node process.
 */
import { writeSync } from 'node:fs';
import { Archive } from '../../../electron/core/archive.js';

const QUOTE = 'Оның наразылық шарасы 4 қазанда басталған.';

const ack = (line: string) => writeSync(1, `${line}\n`); // synchronous: on the pipe before the next write starts

async function main(): Promise<void> {
  const [dir, articleId, tag] = process.argv.slice(2) as [string, string, string];
  const archive = await Archive.open(dir, { passphrase: process.env.AQIQAT_PASSPHRASE });
  ack('ready');
  const mine: string[] = [];
  for (let i = 0; ; i++) {
    const n = `${tag}-${i}`;
    if (i % 5 === 4) {
      // a new article: source + text files, then its shard
      const r = await archive.importArticle({
        bytes: new TextEncoder().encode(`Мақала ${n}\nМәтін ${n}.\n`),
        name: `${n}.txt`,
      });
      ack(`article ${r.article.id}`);
    } else if (i % 7 === 6 && mine.length > 0) {
      const id = mine.shift()!;
      ack(`deleting ${id}`); // a kill from here on may or may not have deleted it
      await archive.deleteFact(id);
      ack(`deleted ${id}`);
    } else {
      // a new person each time: archive.json and a fact shard are both rewritten
      const person = `Адам ${n}`;
      const f = await archive.addFact({
        articleId,
        quote: QUOTE,
        type: 'protest',
        people: [person],
        tags: [`kill/${tag}`],
      });
      mine.push(f.id);
      ack(`fact ${f.id} ${person}`);
    }
  }
}

main().catch((e: unknown) => {
  writeSync(2, `writer: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
