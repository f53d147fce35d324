/**
 * The script of verify.html, the page inside every package: the reader picks or drops the .aqpkg, and
 * the package is unpacked (the same guarded reader as the CLI) and checked (the same check.ts) in the
 * browser with WebCrypto's SHA-256 and Ed25519; nothing leaves the page. Words in the package's
 * language, else the browser's. build/build-node.mjs bundles this file into the page.
 */
import { AqiqatError } from '../../shared/errors.js';
import { ERROR_TEXTS } from '../../shared/i18n/errors.js';
import { uiMessages, type Lang, type MessageKey } from '../../shared/i18n/index.js';
import { checkPackage, type PackageCrypto, type PackageVerdict } from './check.js';
import { MANIFEST } from './format.js';
import { readPackageZip } from './zip-read.js';

const langOf = (tag: string | undefined): Lang => (tag?.startsWith('kk') ? 'kk' : tag?.startsWith('ru') ? 'ru' : 'en');

let lang: Lang = langOf(navigator.language);
const say = (key: MessageKey, params: Record<string, string | number> = {}) =>
  uiMessages(lang)[key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));

const webCrypto: PackageCrypto = {
  sha256: async (data) => new Uint8Array(await crypto.subtle.digest('SHA-256', data as BufferSource)),
  verify: async (key, data, signature) => {
    const k = await crypto.subtle.importKey('raw', key as BufferSource, { name: 'Ed25519' }, false, ['verify']);
    return crypto.subtle.verify({ name: 'Ed25519' }, k, signature as BufferSource, data as BufferSource);
  },
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

const result = el('section');
result.id = 'result';
result.setAttribute('role', 'status');

function render(): void {
  document.documentElement.lang = lang;
  document.title = say('package.pageTitle');
  document.body.replaceChildren();
  const main = el('main');
  const input = el('input');
  input.type = 'file';
  input.accept = '.aqpkg,.zip,application/zip';
  input.id = 'package';
  input.addEventListener('change', () => {
    const f = input.files?.[0];
    if (f) void check(f);
  });
  const label = el('label', say('package.pick'), 'pick');
  label.htmlFor = 'package';
  main.append(el('h1', say('package.pageTitle')), el('p', say('package.pageIntro')), label, input);
  main.append(el('p', say('package.drop'), 'hint'), result);
  document.body.append(main);
}

function list(title: string, lines: string[]): HTMLElement {
  const box = el('div');
  const ul = el('ul');
  for (const l of lines) ul.append(el('li', l));
  box.append(el('h2', title), ul);
  return box;
}

function showValid(v: PackageVerdict): void {
  const verdict = el('p', say('package.valid'), 'verdict valid');
  verdict.dataset.verdict = 'valid';
  const signer = el('p', say('package.signedBy', { name: v.signer.name }), 'signer');
  const fp = el('p', v.signer.fingerprint, 'fingerprint');
  const proven = [
    say('package.provenFiles', { n: v.files }),
    say('package.provenSigner'),
    say('package.provenQuotes', { n: v.quotesChecked }),
    say(v.stamp ? 'package.timeUnchecked' : 'package.timeNone'),
  ];
  const redacted = v.manifest.redaction.leftOut.length;
  const parts: HTMLElement[] = [verdict, signer, fp];
  if (v.manifest.case) parts.push(el('p', v.manifest.case.title, 'case'));
  parts.push(list(say('package.proven'), proven));
  parts.push(list(say('package.notProven'), [say('package.notProvenTrue'), say('package.notProvenKey')]));
  if (v.manifest.redaction.redacted) parts.push(el('p', say('package.redacted', { n: redacted }), 'note'));
  result.replaceChildren(...parts);
}

function showInvalid(e: unknown): void {
  const line =
    e instanceof AqiqatError
      ? (ERROR_TEXTS[lang][(e as AqiqatError).code] as (p: unknown) => string)((e as AqiqatError).params)
      : `${ERROR_TEXTS[lang]['package.zip-damaged']({ file: '?', reason: String((e as Error)?.message ?? e) })}`;
  const verdict = el('p', line, 'verdict invalid');
  verdict.dataset.verdict = 'invalid';
  result.replaceChildren(verdict);
}

/** The package's own language, if its manifest says one (read before the check: the words of its verdict). */
function packageLang(entries: Map<string, Uint8Array>): Lang | null {
  try {
    const m = JSON.parse(new TextDecoder().decode(entries.get(MANIFEST))) as { lang?: string };
    return m.lang === 'en' || m.lang === 'kk' || m.lang === 'ru' ? m.lang : null;
  } catch {
    return null;
  }
}

async function check(file: File): Promise<void> {
  result.replaceChildren(el('p', say('package.checking')));
  if (!globalThis.crypto?.subtle) return void result.replaceChildren(el('p', say('package.noWebCrypto'), 'verdict'));
  try {
    const entries = readPackageZip(new Uint8Array(await file.arrayBuffer()), file.name);
    const l = packageLang(entries);
    if (l && l !== lang) {
      lang = l;
      render();
    }
    showValid(await checkPackage(entries, webCrypto));
  } catch (e) {
    if (e instanceof DOMException && e.name === 'NotSupportedError')
      return void result.replaceChildren(el('p', say('package.noWebCrypto'), 'verdict'));
    showInvalid(e);
  }
}

document.addEventListener('dragover', (e) => e.preventDefault());
document.addEventListener('drop', (e) => {
  e.preventDefault();
  const f = e.dataTransfer?.files[0];
  if (f) void check(f);
});
render();
