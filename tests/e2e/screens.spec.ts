/**
 * Every screen in each interface language (Kazakh and Russian strings run longer than English), photographed
 * for a person to look at (test-results/screens/en-*.png, kk-*.png, ru-*.png), and checked for text that its
 * control cuts off or spills out of it, which no other test would notice.
 */
import type { Page } from '@playwright/test';
import { LANGS, uiMessages, type Lang, type MessageKey } from '../../electron/shared/i18n/index.js';
import { expect, expectSealed, test, type App } from './fixtures.js';
import { selectText } from './reader.js';

/**
 * Controls and labels whose text does not fit: wider than their box (cut off, or spilling over what is
 * beside them), reaching past the right edge of the panel that clips them, or a select whose chosen option
 * is wider than the select shows. Text cut on purpose (an ellipsis, a line clamp) does not count.
 */
async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d')!;
    const out: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} “${(el.textContent ?? '').trim().slice(0, 50)}”`;
    // the nearest ancestor that cuts off what leaves its box
    const clipper = (el: HTMLElement): HTMLElement | null => {
      for (let a = el.parentElement; a; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return a;
      return null;
    };
    // not shown, or shown only to screen readers (the 1px "visually hidden" box)
    const shown = (el: HTMLElement) =>
      el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && el.clientWidth > 1;
    for (const el of document.querySelectorAll<HTMLElement>(
      'button, label, legend, h1, h2, h3, dt, dd, kbd, th, .hit-kind, .chip, .count, .section, .list-count, .list-notice, .hint',
    )) {
      if (!shown(el)) continue;
      const style = getComputedStyle(el);
      if (style.textOverflow === 'ellipsis' || style.webkitLineClamp !== 'none' || /auto|scroll/.test(style.overflowX))
        continue;
      if (el.scrollWidth > el.clientWidth + 1)
        out.push(`${name(el)} needs ${el.scrollWidth}px, has ${el.clientWidth}px`);
      const clip = clipper(el);
      if (clip) {
        const edge = clip.getBoundingClientRect().left + clip.clientLeft + clip.clientWidth;
        const right = el.getBoundingClientRect().right;
        if (right > edge + 1)
          out.push(`${name(el)} reaches ${Math.ceil(right - edge)}px past the edge of ${name(clip).split(' ')[0]}`);
      }
    }
    for (const select of document.querySelectorAll<HTMLSelectElement>('select')) {
      if (!shown(select) || select.selectedIndex < 0) continue;
      const style = getComputedStyle(select);
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = select.options[select.selectedIndex]!.text;
      // the box less its padding and the drop-down arrow (about 20px in Chromium)
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      if (canvas.measureText(text).width > room)
        out.push(`select “${text}” needs ${Math.ceil(canvas.measureText(text).width)}px, has ${Math.floor(room)}px`);
    }
    return out;
  });
}

async function look(app: App, lang: Lang, name: string): Promise<void> {
  await app.screenshot(`${lang}-${name}`);
  expect(await clippedText(app.page), `${lang}-${name}: text that does not fit`).toEqual([]);
}

async function useLanguage(page: Page, lang: Lang): Promise<(key: MessageKey) => string> {
  await page.evaluate((lang) => localStorage.setItem('aqiqat.lang', lang), lang);
  await page.reload();
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return (key) => uiMessages(lang)[key].replace(/\{\w+\}/g, '');
}

for (const lang of LANGS) {
  test.describe(`the interface in ${lang}`, () => {
    test('an empty archive', async ({ app }) => {
      const t = await useLanguage(app.page, lang);
      await expect(app.page.getByText(t('library.emptyTitle'))).toBeVisible();
      await look(app, lang, '00-empty-archive');
      await app.page.getByRole('button', { name: t('import.paste') }).click();
      await expect(app.page.getByRole('dialog')).toBeVisible();
      await look(app, lang, '01-paste-dialog');
      expectSealed(app);
    });

    test.describe('the sample archive', () => {
      test.use({ archiveKind: 'sample' });

      test('every screen', async ({ app }) => {
        const { page } = app;
        const t = await useLanguage(page, lang);
        const nav = page.getByRole('navigation');

        await page.getByRole('listbox').getByRole('option').first().click();
        const reader = page.getByRole('article');
        await expect(reader.locator('mark.fact').first()).toBeVisible();
        await look(app, lang, '02-reader');

        await reader.locator('mark.fact').nth(1).click();
        const panel = page.locator('.fact-panel');
        await expect(panel.getByRole('heading', { name: t('fact.edit') })).toBeVisible();
        await selectText(page, 'Ал полицейлер пикетті сырттай бақылап тұрады.');
        await expect(panel).toContainText(t('fact.addSelection'));
        await look(app, lang, '03-edit-fact');
        await panel.getByRole('button', { name: t('fact.useSelection') }).click();
        await look(app, lang, '04-edit-fact-new-quote');
        await page.keyboard.press('Escape');
        await selectText(page, 'Ал полицейлер пикетті сырттай бақылап тұрады.');
        await expect(panel.getByRole('heading', { name: t('fact.add') })).toBeVisible();
        await look(app, lang, '05-add-fact');
        await page.keyboard.press('Escape');

        await page.keyboard.press('/');
        await page.keyboard.type('Zhakishev');
        const results = page.getByRole('listbox', { name: t('search.list') });
        await expect(results.getByRole('option').first()).toBeVisible();
        await look(app, lang, '06-search');
        await results
          .getByRole('button', { name: t('addToCase.action') })
          .first()
          .click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await look(app, lang, '07-add-to-case');
        await page.keyboard.press('Escape');
        await page.getByRole('searchbox').fill('Zhakishev qqqq');
        await expect(page.getByText(t('search.noMatchesHint'))).toBeVisible();
        await look(app, lang, '08-search-no-matches');

        await nav.getByRole('button', { name: t('section.cases') }).click();
        await page.getByRole('button', { name: /Мұхтар Жәкішев ісі/ }).click();
        await expect(
          page
            .getByRole('list', { name: t('case.timeline') })
            .getByRole('listitem')
            .first(),
        ).toBeVisible();
        await look(app, lang, '09-case');
        await page.getByRole('textbox', { name: t('cases.newTitle') }).fill('Пикеттер');
        await page.getByRole('button', { name: t('cases.create'), exact: true }).click();
        await expect(page.getByText(t('case.noFacts'))).toBeVisible();
        await look(app, lang, '10-case-empty');

        await nav.getByRole('button', { name: t('section.entities') }).click();
        await expect(page.getByText(t('entities.choose'))).toBeVisible();
        await look(app, lang, '11-entities');
        await page.getByRole('button', { name: /^Мұхтар Жәкішев/ }).click();
        await expect(page.getByRole('heading', { level: 1, name: 'Мұхтар Жәкішев' })).toBeVisible();
        await look(app, lang, '12-entity');

        await nav.getByRole('button', { name: t('section.tags') }).click();
        await expect(page.getByText(t('tags.choose'))).toBeVisible();
        await page.getByRole('button', { name: /^arbitrary-detention/ }).click();
        await look(app, lang, '13-tag');

        await page.getByRole('button', { name: t('dossier.open') }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
        await look(app, lang, '14-dossier');
        expectSealed(app);
      });
    });
  });
}
