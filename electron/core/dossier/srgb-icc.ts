/**
 * An sRGB ICC profile (version 2.1, display class, matrix/TRC), made here: PDF/A's OutputIntent must
 * carry one and no installed package ships an RGB profile. The colorants are sRGB's primaries
 * adapted to the D50 connection space (IEC 61966-2-1 with the Bradford transform, as the ICC's own
 * sRGB profiles give them); the tone curve is sRGB's piecewise function sampled at 1024 points.
 */

const D50 = [0.9642, 1.0, 0.8249] as const;
const RED = [0.436065674, 0.222488403, 0.013916016] as const;
const GREEN = [0.385147095, 0.716873169, 0.097076416] as const;
const BLUE = [0.143066406, 0.06060791, 0.714096069] as const;
const CURVE_POINTS = 1024;

/** sRGB's encoded value (0..1) → linear light. */
export function srgbToLinear(v: number): number {
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

class Writer {
  bytes: number[] = [];
  u8(v: number) {
    this.bytes.push(v & 0xff);
  }
  u16(v: number) {
    this.u8(v >>> 8);
    this.u8(v);
  }
  u32(v: number) {
    this.u16(v >>> 16);
    this.u16(v & 0xffff);
  }
  ascii(s: string) {
    for (const c of s) this.u8(c.charCodeAt(0));
  }
  s15f16(v: number) {
    this.u32(Math.round(v * 65536) >>> 0);
  }
  pad4() {
    while (this.bytes.length % 4) this.u8(0);
  }
}

function xyzTag(xyz: readonly number[]): number[] {
  const w = new Writer();
  w.ascii('XYZ ');
  w.u32(0);
  for (const v of xyz) w.s15f16(v);
  return w.bytes;
}

function textTag(text: string): number[] {
  const w = new Writer();
  w.ascii('text');
  w.u32(0);
  w.ascii(text);
  w.u8(0);
  return w.bytes;
}

/** textDescriptionType (v2): ASCII, an empty Unicode part, an empty ScriptCode part. */
function descTag(text: string): number[] {
  const w = new Writer();
  w.ascii('desc');
  w.u32(0);
  w.u32(text.length + 1);
  w.ascii(text);
  w.u8(0);
  w.u32(0); // Unicode language code
  w.u32(0); // Unicode count
  w.u16(0); // ScriptCode code
  w.u8(0); // ScriptCode count
  for (let i = 0; i < 67; i++) w.u8(0);
  return w.bytes;
}

function curveTag(): number[] {
  const w = new Writer();
  w.ascii('curv');
  w.u32(0);
  w.u32(CURVE_POINTS);
  for (let i = 0; i < CURVE_POINTS; i++) w.u16(Math.round(srgbToLinear(i / (CURVE_POINTS - 1)) * 65535));
  return w.bytes;
}

let cached: Uint8Array | null = null;

/** The profile's bytes (the same on every call). */
export function srgbIccProfile(): Uint8Array {
  if (cached) return cached;
  const curve = curveTag();
  const tags: Array<[string, number[]]> = [
    ['desc', descTag('sRGB IEC61966-2.1')],
    ['cprt', textTag('No copyright, use freely')],
    ['wtpt', xyzTag(D50)],
    ['rXYZ', xyzTag(RED)],
    ['gXYZ', xyzTag(GREEN)],
    ['bXYZ', xyzTag(BLUE)],
    ['rTRC', curve],
    ['gTRC', curve],
    ['bTRC', curve],
  ];
  const HEADER = 128;
  const tableSize = 4 + 12 * tags.length;
  // lay the data out, the three tone curves sharing one copy
  const offsets = new Map<number[], number>();
  let at = HEADER + tableSize;
  const data = new Writer();
  for (const [, body] of tags) {
    if (offsets.has(body)) continue;
    offsets.set(body, at + data.bytes.length);
    data.bytes.push(...body);
    data.pad4();
  }
  at += data.bytes.length;
  const w = new Writer();
  w.u32(at); // profile size
  w.u32(0); // preferred CMM
  w.u32(0x02100000); // version 2.1
  w.ascii('mntr'); // display device
  w.ascii('RGB ');
  w.ascii('XYZ ');
  for (const v of [2026, 1, 1, 0, 0, 0]) w.u16(v); // creation date: fixed, so the bytes never change
  w.ascii('acsp');
  w.u32(0); // primary platform
  w.u32(0); // flags
  w.u32(0); // device manufacturer
  w.u32(0); // device model
  w.u32(0); // attributes (2 words)
  w.u32(0);
  w.u32(0); // rendering intent: perceptual
  for (const v of D50) w.s15f16(v);
  w.u32(0); // creator
  while (w.bytes.length < HEADER) w.u8(0);
  w.u32(tags.length);
  for (const [sig, body] of tags) {
    w.ascii(sig);
    w.u32(offsets.get(body)!);
    w.u32(body.length);
  }
  w.bytes.push(...data.bytes);
  cached = Uint8Array.from(w.bytes);
  return cached;
}
