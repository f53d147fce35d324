/**
 * Who recorded a fact and who last changed it, in the dossier only when asked: names of colleagues can put
 * them at risk in a dossier that travels far.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { shardOf } from '../../../../electron/core/storage/layout.js';
import { storeForTests } from '../../../../electron/core/storage/test-door.js';
import { aqiqat } from '../../cli-driver.js';
import { tempDir } from '../../helpers.js';

describe('dossier attribution', () => {
  it('names this archive and its contacts by name, anyone else by the key, and only when asked', async () => {
    const dir = await tempDir();
    const a = await Archive.create(path.join(dir, 'a'));
    const b = await Archive.create(path.join(dir, 'b'));
    await a.setIdentityName('Aigul');
    const bKey = await b.identityKeyFile();
    await a.addContact('Bolat', Buffer.from(JSON.stringify(bKey)), 'b.key');
    const { article } = await a.importArticle({
      bytes: Buffer.from('Суд отказал Жәкішеву в УДО. Адвокат шағым түсірді.\n'),
      name: 'a.txt',
    });
    const mine = await a.addFact({ articleId: article.id, quote: 'Суд отказал' });
    const theirs = await a.addFact({ articleId: article.id, quote: 'Адвокат шағым түсірді' });
    expect(mine.createdBy).toBeDefined();
    // as a receive leaves them: one fact last changed by the contact, one recorded by a stranger
    const store = storeForTests(a);
    const shard = await store.factShard(shardOf(theirs.id));
    for (const f of shard.data.facts) {
      if (f.id === mine.id) f.updatedBy = bKey.fingerprint;
      if (f.id === theirs.id) f.createdBy = f.updatedBy = 'ZZZZ YYYY XXXX WWWW';
    }
    await store.save(shard);

    const ask = { facts: [mine.id, theirs.id], fonts: false } as const;
    const plain = (await a.dossier(ask)).html;
    expect(plain).not.toContain('Recorded by');
    expect(plain).not.toContain('Aigul');

    const said = (await a.dossier({ ...ask, attribution: true })).html;
    expect(said).toContain('Recorded by: Aigul</div>');
    expect(said).toContain('Last changed by: Bolat</div>');
    expect(said).toContain('Recorded by: key ZZZZ YYYY…</div>');
    expect(said.match(/Last changed by/g)).toHaveLength(1);
    const kk = (await a.dossier({ ...ask, attribution: true, lang: 'kk' })).html;
    expect(kk).toContain('Жазып алған: Aigul</div>');
    await a.close();
    await b.close();

    // the command line asks for it by --attribution
    const cli = ['--archive', path.join(dir, 'a'), 'dossier', '--facts', mine.id, '--format', 'html', '--out', '-'];
    const without = aqiqat(cli);
    expect(without.code).toBe(0);
    expect(without.stdout).not.toContain('Recorded by');
    const withIt = aqiqat([...cli, '--attribution']);
    expect(withIt.code).toBe(0);
    expect(withIt.stdout).toContain('Recorded by: Aigul</div>');
  }, 120_000);
});
