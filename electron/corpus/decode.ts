/**
 * Bytes → text. Order measured in pitfalls.md: BOM, then strict UTF-8, then a legacy single-byte code page chosen
 * by which one yields text in the expected script. Pure (no Node APIs) so it runs anywhere.
 */

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

function tryDecode(bytes: Uint8Array, label: string, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

const ARABIC = /[\u0600-\u06FF]/g;
const LATIN_LETTER = /[A-Za-z\u00C0-\u00FF]/g;
const count = (s: string, re: RegExp): number => s.match(re)?.length ?? 0;

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new DecodeError('empty', 'the file is empty');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const t = tryDecode(bytes.subarray(3), 'utf-8', true);
    if (t !== null) return { text: t, encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };

  // UTF-16 without BOM: the high byte of each code unit is mostly 0x00 (Latin) or 0x06 (Arabic), always at the
  // same parity. Checked before UTF-8 because Arabic UTF-16 has no NULs and passes a strict UTF-8 decode.
  const sample = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2));
  let highEven = 0;
  let highOdd = 0;
  let nul = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b === 0) nul++;
    if (b !== 0 && b !== 0x06) continue;
    if (i % 2 === 0) highEven++;
    else highOdd++;
  }
  const half = sample.length / 2;
  if (half >= 2 && highOdd > half * 0.6 && highEven < half * 0.05) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (half >= 2 && highEven > half * 0.6 && highOdd < half * 0.05) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  if (nul > 0) throw new DecodeError('binary', 'the file contains NUL bytes: binary, not text');

  const utf8 = tryDecode(bytes, 'utf-8', true);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };

  // Legacy code pages: Arabic (windows-1256) when it yields Arabic letters, else windows-1252.
  const cp1256 = new TextDecoder('windows-1256').decode(bytes);
  const cp1252 = new TextDecoder('windows-1252').decode(bytes);
  if (count(cp1256, ARABIC) > count(cp1252, LATIN_LETTER) * 0.3) return { text: cp1256, encoding: 'windows-1256' };
  return { text: cp1252, encoding: 'windows-1252' };
}

/** Newlines normalised so offsets are stable across platforms. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
