/**
 * Bytes → text. Order measured in pitfalls.md: BOM, then UTF-16 without a BOM, then strict UTF-8, then a charset the
 * file declares (HTML) if it decodes cleanly, then jschardet limited to the legacy code pages we expect — and every
 * guess is checked against the script the text should be in (a wrong code page yields Latin accents glued to Arabic
 * letters, or C1 control characters). The text is returned exactly as decoded.
 */
import { detectAll } from 'jschardet';

export interface Decoded {
  text: string;
  encoding: string;
}

export class DecodeError extends Error {
  constructor(
    readonly code: 'binary' | 'undecodable' | 'empty',
    message: string,
  ) {
    super(message);
  }
}

export type Script = 'arabic' | 'latin';

export interface DecodeOptions {
  /** A charset the file itself declares (HTML `<meta charset>`); used only if it decodes cleanly. */
  declared?: string | null;
  /** The script the text should be in (from the manifest's language), to check a detector's guess against. */
  script?: Script | null;
  /** Markup: detect the code page on the bytes outside tags (tag names are ASCII and dilute the evidence). */
  markup?: boolean;
}

/** The legacy code pages a researcher's Arabic, German, French and English files come in. */
type Legacy = 'windows-1256' | 'iso-8859-6' | 'windows-1252';

const JSCHARDET_NAMES: Record<string, Legacy> = {
  'windows-1256': 'windows-1256',
  'iso-8859-6': 'iso-8859-6',
  'windows-1252': 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'iso8859-15': 'windows-1252',
  'iso-8859-15': 'windows-1252',
  ascii: 'windows-1252',
};

function tryDecode(bytes: Uint8Array, label: string, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

const count = (s: string, re: RegExp): number => s.match(re)?.length ?? 0;
const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3]/g;
const LATIN1_LETTER = /[\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF\u0152\u0153\u0160\u0161\u0178\u017D\u017E]/g;
// A code page mistake shows as Latin letters glued to Arabic letters ("الشرك\u00e9", "Mنrz") or as C1 controls.
const MIXED = /[\u0621-\u064A][A-Za-z\u00C0-\u00FF]|[A-Za-z\u00C0-\u00FF][\u0621-\u064A]/g;
const JUNK = /[\u0080-\u009F\uFFFD]/g;

/** Why a decoded text is implausible for the expected script, or null when it looks right. */
export function implausible(text: string, script: Script | null | undefined): string | null {
  if (count(text, JUNK) > 0) return 'control characters or replacement characters';
  const mixed = count(text, MIXED);
  const arabic = count(text, ARABIC_LETTER);
  const latin = count(text, LATIN1_LETTER);
  if (mixed > Math.max(1, arabic * 0.01)) return 'Latin letters inside Arabic words';
  // Arabic (or any non-Latin) bytes read as windows-1252 come out as words made of accented letters ("ÃÚáäÊ").
  if (latin > 8 && latin > (count(text, /[A-Za-z]/g) + latin) * 0.3) return 'mostly accented letters: not Latin-script text';
  if (script === 'arabic' && arabic < latin) return 'expected Arabic letters';
  if (script === 'latin' && arabic > 0) return 'expected Latin letters, found Arabic';
  return null;
}

/** Bytes with markup removed, so a detector sees the prose. Linear: one pass. */
function outsideTags(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let n = 0;
  let inTag = false;
  for (const b of bytes) {
    if (b === 0x3c) inTag = true;
    else if (b === 0x3e && inTag) inTag = false;
    else if (!inTag) out[n++] = b;
  }
  return out.subarray(0, n);
}

function legacyCandidates(bytes: Uint8Array, opts: DecodeOptions): Legacy[] {
  const sample = opts.markup ? outsideTags(bytes) : bytes;
  const fromDetector: Legacy[] = [];
  try {
    for (const r of detectAll(sample, { detectEncodings: ['windows-1256', 'iso-8859-6', 'windows-1252', 'iso-8859-1', 'iso8859-15'] })) {
      const name = r.encoding ? JSCHARDET_NAMES[r.encoding.toLowerCase()] : undefined;
      if (name && !fromDetector.includes(name)) fromDetector.push(name);
    }
  } catch {
    // The detector is a hint; the script checks below still choose.
  }
  const byScript: Legacy[] = opts.script === 'latin' ? ['windows-1252', 'windows-1256', 'iso-8859-6'] : ['windows-1256', 'iso-8859-6', 'windows-1252'];
  return [...fromDetector, ...byScript.filter((c) => !fromDetector.includes(c))];
}

/** Normalises a declared charset label to one TextDecoder knows, or null. */
function decoderLabel(label: string): string | null {
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return null;
  }
}

export function decodeText(bytes: Uint8Array, opts: DecodeOptions = {}): Decoded {
  if (bytes.length === 0) throw new DecodeError('empty', 'the file is empty');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const t = tryDecode(bytes.subarray(3), 'utf-8', true);
    if (t !== null) return { text: t, encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le-bom' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be-bom' };

  // UTF-16 without BOM: the high byte of each code unit is mostly 0x00 (Latin) or 0x06 (Arabic), always at the
  // same parity. Checked before UTF-8 because Arabic UTF-16 has no NULs and passes a strict UTF-8 decode.
  const sample = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2));
  let highEven = 0;
  let highOdd = 0;
  let nul = 0;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0) nul++;
    else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
    if (b !== 0 && b !== 0x06) continue;
    if (i % 2 === 0) highEven++;
    else highOdd++;
  }
  const half = sample.length / 2;
  if (half >= 2 && highOdd > half * 0.6 && highEven < half * 0.05) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (half >= 2 && highEven > half * 0.6 && highOdd < half * 0.05) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  if (nul > 0) throw new DecodeError('binary', 'the file contains NUL bytes: binary, not text');
  if (control > sample.length * 0.02) throw new DecodeError('binary', `the file is full of control characters (${control} in its first ${sample.length} bytes): binary, not text`);

  const utf8 = tryDecode(bytes, 'utf-8', true);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };

  if (opts.declared) {
    const label = decoderLabel(opts.declared);
    if (label && label !== 'utf-8') {
      const t = tryDecode(bytes, label, true);
      if (t !== null && implausible(t, opts.script) === null) return { text: t, encoding: label };
    }
  }

  const candidates = legacyCandidates(bytes, opts);
  for (const c of candidates) {
    const t = tryDecode(bytes, c, true);
    if (t !== null && implausible(t, opts.script) === null) return { text: t, encoding: c };
  }
  // Nothing is clean: say so rather than store mojibake.
  throw new DecodeError('undecodable', `not UTF-8, and no code page tried (${candidates.join(', ')}) gives clean ${opts.script ?? 'Arabic or Latin'} text`);
}

/** Newlines normalised so offsets are stable across platforms. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
