/**
 * One page of an original file as an image the window can show beside its text: a PNG, JPEG or WebP
 * file as it is (its one page), a TIFF's page or a PDF page's scan converted to PNG. The source file is
 * only read. Pure: bytes in, image bytes out.
 */
import { encode } from 'fast-png';
import { extensionOf } from './index.js';
import { imagePages, sniff, type PageImage } from './ocr/images.js';
import { pdfPageImage } from './pdf.js';

export interface PageShown {
  mime: 'image/png' | 'image/jpeg' | 'image/webp';
  bytes: Uint8Array;
}

/** `pages`: how many the file has; `image` null when page `n` is not one of them or draws no image. */
export async function originalPage(
  bytes: Uint8Array,
  name: string,
  n: number,
): Promise<{ pages: number; image: PageShown | null }> {
  if (extensionOf(name) === 'pdf') {
    const { pages, image } = await pdfPageImage(bytes, name, n);
    return { pages, image: image && asPng(image) };
  }
  const decoders = imagePages(bytes, name);
  const format = sniff(bytes);
  if (n < 1 || n > decoders.length) return { pages: decoders.length, image: null };
  // what a browser shows as it is goes as it is: the original bytes
  if (format === 'png' || format === 'jpeg' || format === 'webp')
    return { pages: 1, image: { mime: `image/${format}`, bytes } };
  return { pages: decoders.length, image: asPng(await decoders[n - 1]!()) };
}

/** A decoded page (an 8-bit PGM: "P5 width height 255" and the pixels) as a grey PNG. */
function asPng(page: PageImage): PageShown {
  const b = page.bytes;
  const head = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(Buffer.from(b.subarray(0, 40)).toString('latin1'));
  if (!head) return { mime: sniff(b) === 'jpeg' ? 'image/jpeg' : 'image/png', bytes: b };
  const data = b.subarray(head[0].length, head[0].length + page.width * page.height);
  return { mime: 'image/png', bytes: encode({ width: page.width, height: page.height, data, channels: 1, depth: 8 }) };
}
