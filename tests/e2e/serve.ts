/**
 * Serves the built renderer to the page without a server, and records every other request (then aborts
 * it): the app must not reach the network, and the tests assert that this list stays empty.
 */
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const APP_ORIGIN = 'http://aqiqat.app';
export const APP_URL = `${APP_ORIGIN}/index.html`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** The file under `root` that a URL path names, or null if it would escape `root`. */
export function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${decoded === '/' ? '/index.html' : decoded}`);
  return file.startsWith(root + path.sep) ? file : null;
}

/** Returns the live list of requests that tried to leave the app. */
export async function serveRenderer(page: Page, root: string): Promise<string[]> {
  const leaked: string[] = [];
  const base = path.resolve(root);
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== APP_ORIGIN) {
      leaked.push(route.request().url());
      return route.abort('blockedbyclient');
    }
    const file = fileFor(base, url.pathname);
    const body = file ? await readFile(file).catch(() => null) : null;
    if (!file || !body) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, body, contentType: TYPES[path.extname(file)] ?? 'application/octet-stream' });
  });
  return leaked;
}
