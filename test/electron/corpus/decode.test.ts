import { describe, expect, it } from 'vitest';
import { DecodeError, decodeText, implausible } from '../../../electron/corpus/decode';

const arabic = 'أعلنت الشركة اليوم، ٨ يونيو، عن جولة تمويل جديدة بقيمة مليار دولار في العام الجاري';
const german = 'Die Ankündigung für März wurde gestern veröffentlicht; später äußerte sich der Vorstand zu den Plänen.';
const french = 'Le géant chinois a déclaré que la crise avait été un facteur critique, selon le vice-président.';

/** Bytes in a single-byte code page, built by inverting TextDecoder's own table. */
function encodeWith(label: string, s: string): Uint8Array {
  const dec = new TextDecoder(label);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(dec.decode(new Uint8Array([b])), b);
  return new Uint8Array(
    [...s].map((ch) => {
      const b = table.get(ch);
      if (b === undefined) throw new Error(`${label} cannot encode ${ch}`);
      return b;
    }),
  );
}
const westernDigits = (s: string): string => s.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof DecodeError ? e.code : 'other';
  }
  return undefined;
}

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const bytes = new TextEncoder().encode(arabic);
    expect(decodeText(bytes)).toEqual({ text: arabic, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({ text: arabic, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 LE and BE, with and without a BOM', () => {
    const le = Buffer.from(arabic, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...le]))).toEqual({ text: arabic, encoding: 'utf-16le-bom' });
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...be]))).toEqual({ text: arabic, encoding: 'utf-16be-bom' });
    expect(decodeText(new Uint8Array(le))).toEqual({ text: arabic, encoding: 'utf-16le' });
    expect(decodeText(new Uint8Array(be))).toEqual({ text: arabic, encoding: 'utf-16be' });
    const deLe = Buffer.from(german, 'utf16le');
    expect(decodeText(new Uint8Array(Buffer.from(deLe).swap16()))).toEqual({ text: german, encoding: 'utf-16be' });
  });

  it('recognises windows-1256 Arabic that is not valid UTF-8', () => {
    expect(decodeText(encodeWith('windows-1256', westernDigits(arabic)))).toEqual({ text: westernDigits(arabic), encoding: 'windows-1256' });
  });

  it('tells ISO-8859-6 Arabic from windows-1256 (the same letters sit at different bytes)', () => {
    expect(decodeText(encodeWith('iso-8859-6', westernDigits(arabic)))).toEqual({ text: westernDigits(arabic), encoding: 'iso-8859-6' });
  });

  it('reads Latin-1 German and French as windows-1252', () => {
    expect(decodeText(encodeWith('windows-1252', german))).toEqual({ text: german, encoding: 'windows-1252' });
    expect(decodeText(encodeWith('windows-1252', french))).toEqual({ text: french, encoding: 'windows-1252' });
  });

  it('checks the guess against the script the manifest says: German bytes are never decoded as Arabic', () => {
    const d = decodeText(encodeWith('windows-1252', german), { script: 'latin' });
    expect(d.text).toBe(german);
    expect(implausible('Mنrz und Ankأ¼ndigung', 'latin')).not.toBeNull();
    expect(implausible(arabic, 'arabic')).toBeNull();
    expect(implausible(german, 'arabic')).toBe('expected Arabic letters');
  });

  it('uses a charset the file declares when it decodes cleanly', () => {
    const bytes = encodeWith('iso-8859-6', westernDigits(arabic));
    expect(decodeText(bytes, { declared: 'ISO-8859-6' }).encoding).toBe('iso-8859-6');
    // A wrong declaration is not trusted: windows-1252 would put Latin letters inside Arabic words.
    expect(decodeText(encodeWith('windows-1256', westernDigits(arabic)), { declared: 'windows-1252' }).encoding).toBe('windows-1256');
  });

  it('rejects empty, NUL-bearing and control-character input with a clear code', () => {
    expect(codeOf(() => decodeText(new Uint8Array()))).toBe('empty');
    expect(codeOf(() => decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 0, 0, 0, 5])))).toBe('binary');
    expect(codeOf(() => decodeText(new TextEncoder().encode('text with a NUL\u0000 inside it')))).toBe('binary');
    expect(codeOf(() => decodeText(Uint8Array.from({ length: 400 }, (_, i) => (i % 7) + 1)))).toBe('binary');
  });
});
