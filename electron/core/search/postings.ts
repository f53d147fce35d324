/**
 * Compact postings: per word, the documents that hold it, as varint-encoded doc-number gaps each
 * followed by one weight byte. ~2–3 bytes a posting, the same bytes in memory and on disk, so a
 * persisted index is used in place without decoding it at start-up.
 */

/** A growable byte list of (doc gap varint, weight byte) pairs, docs strictly increasing. */
export class PostingWriter {
  bytes = new Uint8Array(8);
  length = 0;
  count = 0;
  lastDoc = -1;

  add(doc: number, weight: number): void {
    if (doc <= this.lastDoc) throw new Error(`postings out of order: ${doc} after ${this.lastDoc}`);
    let gap = doc - this.lastDoc;
    this.lastDoc = doc;
    this.#reserve(6);
    while (gap >= 0x80) {
      this.bytes[this.length++] = (gap & 0x7f) | 0x80;
      gap >>>= 7;
    }
    this.bytes[this.length++] = gap;
    this.bytes[this.length++] = Math.max(1, Math.min(255, Math.round(weight)));
    this.count++;
  }

  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }

  #reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
}

/**
 * Call `visit(doc, weight)` for each posting of `bytes`, whose doc numbers start after `firstDocBefore`.
 * Throws on a truncated list (a corrupt file), so that the caller can rebuild.
 */
export function decodePostings(
  bytes: Uint8Array,
  visit: (doc: number, weight: number) => void,
  firstDocBefore = -1,
): void {
  let doc = firstDocBefore;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    let gap = 0;
    let shift = 0;
    let b: number;
    do {
      if (i >= n || shift > 28) throw new RangeError('truncated postings');
      b = bytes[i++]!;
      gap += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    if (i >= n) throw new RangeError('truncated postings');
    doc += gap;
    visit(doc, bytes[i++]!);
  }
}
