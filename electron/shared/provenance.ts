/**
 * Provenance words as data, for the core and the interface alike: the source types, where a file came
 * from, a fact's verification status, and the checks of what a researcher types for them.
 */
import { AqiqatError } from './errors.js';

export const SOURCE_TYPES = [
  'news',
  'court-document',
  'official-reply',
  'ngo-report',
  'testimony',
  'social-media',
  'other',
] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** How the file reached the researcher; "usb" is a lawyer's USB stick and the like. */
export const ACQUIRED_FROM = ['web', 'messenger', 'e-mail', 'usb', 'other'] as const;
export type AcquiredFrom = (typeof ACQUIRED_FROM)[number];

/** unverified is the default: a fact without a status is unverified. */
export const FACT_STATUSES = ['unverified', 'corroborated', 'verified', 'disputed'] as const;
export type FactStatus = (typeof FACT_STATUSES)[number];
/** Statuses that claim a check: they need a corroborating fact or a note saying how. */
export const STATUSES_NEEDING_SUPPORT: readonly FactStatus[] = ['corroborated', 'verified'];

/** A capture time as the researcher states it: a day, or a day and time (with a zone, or as written). */
export const CAPTURED_AT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

const oneOf = <T extends string>(list: readonly T[], value: string): T | null => {
  const v = value.trim().toLowerCase();
  return (list as readonly string[]).includes(v) ? (v as T) : null;
};

export function parseSourceType(value: string): SourceType {
  const type = oneOf(SOURCE_TYPES, value);
  if (!type) throw new AqiqatError('article.bad-source-type', { type: value, types: [...SOURCE_TYPES] }, 'usage');
  return type;
}

export function parseAcquiredFrom(value: string): AcquiredFrom {
  const from = oneOf(ACQUIRED_FROM, value);
  if (!from) throw new AqiqatError('article.bad-acquired-from', { value, values: [...ACQUIRED_FROM] }, 'usage');
  return from;
}

export function parseFactStatus(value: string): FactStatus {
  const status = oneOf(FACT_STATUSES, value);
  if (!status) throw new AqiqatError('fact.bad-status', { status: value, statuses: [...FACT_STATUSES] }, 'usage');
  return status;
}

/** A real day, or a day and time; kept as written (trimmed). */
export function parseCapturedAt(value: string): string {
  const v = value.trim();
  const day = v.slice(0, 10);
  const ms = Date.parse(`${day}T00:00:00Z`);
  const real = CAPTURED_AT.test(v) && !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day;
  if (!real || (v.length > 10 && Number.isNaN(Date.parse(v))))
    throw new AqiqatError('article.bad-captured-at', { value }, 'usage');
  return v;
}
