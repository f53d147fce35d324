/**
 * A lowdb adapter for one JSON file: validated on read (zod), written atomically and compactly.
 * Compact JSON, because lowdb's JSONFile pretty-prints (+8 % size, measured) and these files are
 * rewritten on every save.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { readFileNoFollow, writeFileAtomic } from './atomic.js';
import { plainCodec, type Codec } from '../protection/crypto.js';
import { AqiqatError, FileReadError, NewerSchemaError } from '../errors.js';
import { SCHEMA_VERSION } from '../model.js';

export class ValidatedJsonFile<S extends z.ZodType> implements Adapter<z.infer<S>> {
  /** Writes to one file are chained so that two saves never race on the rename. */
  #queue: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string,
    readonly schema: S,
    readonly label: string,
    /** plain, or sealing with the archive's key (crypto.ts) */
    readonly codec: Codec = plainCodec,
  ) {}

  async read(): Promise<z.infer<S> | null> {
    const raw = await this.readBytes();
    return raw === null ? null : parseValidated(raw.toString('utf8'), this.schema, this.where());
  }

  /** The file's bytes as stored (opened with the archive's key), not parsed: null when there is none. */
  async readBytes(): Promise<Buffer | null> {
    let raw: Buffer | null = null;
    try {
      // an encrypted shard under its keyed name, or still under the name an older archive gave it
      for (const stored of this.codec.candidates(this.file)) {
        const bytes = await readFileNoFollow(stored).catch((e: NodeJS.ErrnoException) =>
          e.code === 'ENOENT' ? null : Promise.reject(e),
        );
        if (bytes) {
          raw = this.codec.open(bytes, this.file);
          break;
        }
      }
    } catch (e) {
      if (e instanceof AqiqatError) throw e;
      throw new FileReadError('file.unreadable', { file: this.where(), reason: (e as Error).message }, 'archive');
    }
    if (raw === null && this.codec.written?.(this.file)) {
      throw new AqiqatError('storage.file-deleted', { file: this.where() }, 'archive');
    }
    return raw;
  }

  write(data: z.infer<S>): Promise<void> {
    const next = this.#queue.then(async () => {
      const [target, ...older] = this.codec.candidates(this.file);
      await writeFileAtomic(
        target!,
        this.codec.encrypted ? this.codec.seal(Buffer.from(JSON.stringify(data)), this.file) : JSON.stringify(data),
      );
      await this.codec.committed?.(this.file);
      // the copy under an older name would be read again if the new name were lost: drop it
      for (const file of older) await rm(file, { force: true });
    });
    this.#queue = next.catch(() => undefined);
    return next;
  }

  private where(): string {
    const name = path.basename(this.file);
    return this.label === name ? name : `${this.label} (${name})`;
  }
}

/** Parse and validate; a newer, older-unknown or malformed file gets a one-line refusal. */
export function parseValidated<S extends z.ZodType>(raw: string, schema: S, where: string): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new AqiqatError('storage.invalid-json', { file: where }, 'archive');
  }
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    throw new NewerSchemaError({ file: where, version, supported: SCHEMA_VERSION });
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const at = issue?.path.join('.') ?? '';
    throw new AqiqatError('storage.malformed', { file: where, at, detail: issue?.message ?? 'invalid' }, 'archive');
  }
  return result.data;
}
