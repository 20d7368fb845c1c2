import { describe, expect, it } from 'vitest';
import { DecodeError, decodeText } from '../../../electron/corpus/decode';

const arabic = 'أعلنت الشركة اليوم، ٨ يونيو، عن جولة تمويل';

function encode1256(s: string): Uint8Array {
  // Build windows-1256 bytes by inverting the decoder's table.
  const dec = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(dec.decode(new Uint8Array([b])), b);
  return new Uint8Array([...s].map((ch) => table.get(ch) ?? 0x3f));
}

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const bytes = new TextEncoder().encode(arabic);
    expect(decodeText(bytes).text).toBe(arabic);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({ text: arabic, encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 LE and BE with a BOM, and LE without one', () => {
    const le = Buffer.from(arabic, 'utf16le');
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...le])).text).toBe(arabic);
    const be = Buffer.from(le).swap16();
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...be])).text).toBe(arabic);
    expect(decodeText(new Uint8Array(le)).text).toBe(arabic);
  });

  it('recognises windows-1256 Arabic that is not valid UTF-8', () => {
    const d = decodeText(encode1256(arabic.replace(/[٠-٩]/g, '8')));
    expect(d.encoding).toBe('windows-1256');
    expect(d.text).toContain('الشركة');
  });

  it('reads Latin-1 German as windows-1252', () => {
    const d = decodeText(new Uint8Array(Buffer.from('Die Ankündigung für März', 'latin1')));
    expect(d).toEqual({ text: 'Die Ankündigung für März', encoding: 'windows-1252' });
  });

  it('rejects empty and binary input with a clear code', () => {
    expect(() => decodeText(new Uint8Array())).toThrow(DecodeError);
    try {
      decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 0, 0, 0, 5]));
    } catch (e) {
      expect((e as DecodeError).code).toBe('binary');
    }
    expect.assertions(2);
  });
});
