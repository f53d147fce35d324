/** What every extractor returns: plain text (not yet normalised) and whatever metadata the file carries. */
export interface ExtractedMeta {
  title?: string | undefined;
  author?: string | undefined;
  publisher?: string | undefined;
  /** YYYY-MM-DD */
  publishedAt?: string | undefined;
  /** canonical http(s) address */
  url?: string | undefined;
  /** PDF: how many pages were read */
  pages?: number | undefined;
}

export interface Extracted {
  text: string;
  meta: ExtractedMeta;
}

export type Extractor = (bytes: Uint8Array, name: string) => Promise<Extracted>;
