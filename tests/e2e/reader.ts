/** Reader helpers shared by the e2e specs. */
import type { Page } from '@playwright/test';

/** Select `phrase` in the reader's text as a user would with the mouse, and let go. */
export async function selectText(page: Page, phrase: string): Promise<void> {
  await page.evaluate((phrase) => {
    const container = document.querySelector('.reader-text')!;
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n.textContent ?? '').indexOf(phrase);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + phrase.length);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      container.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return;
    }
    throw new Error(`"${phrase}" is not in one text run of the reader`);
  }, phrase);
}
