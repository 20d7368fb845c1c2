import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dateFromFileName, ManifestError, parseManifest, splitFrontMatter } from '../../../electron/corpus/manifest';

describe('manifest.csv', () => {
  it('reads the sample corpus manifest with its quoted titles', () => {
    const m = parseManifest(readFileSync('assets/corpus/manifest.csv', 'utf8'));
    expect(m.size).toBe(5);
    expect(m.get('003_450c214e5197ce59.txt')).toEqual({ published: '2020-05-27', language: 'fr', title: 'Tencent to invest $70 billion in fintech, blockchain and AI' });
  });

  it('accepts partial dates and only the file column', () => {
    const m = parseManifest('file,published\na.txt,2018-06\nb.txt,2018\nc.txt,\n');
    expect(m.get('a.txt')?.published).toBe('2018-06');
    expect(m.get('b.txt')?.published).toBe('2018');
    expect(m.get('c.txt')).toEqual({});
  });

  it('rejects a date that is not ISO, naming the line', () => {
    expect(() => parseManifest('file,published\na.txt,08/06/2018\n')).toThrow(ManifestError);
    expect(() => parseManifest('file,published\na.txt,08/06/2018\n')).toThrow(/line 2/);
  });
});

describe('front matter and file names', () => {
  it('splits YAML front matter and keeps the body', () => {
    const { meta, body } = splitFrontMatter('---\ntitle: Ant\npublished: 2018-06-08\nlanguage: ar\n---\nالنص');
    expect(meta).toEqual({ title: 'Ant', published: '2018-06-08', language: 'ar' });
    expect(body).toBe('النص');
  });

  it('reads an ISO date at the start of a file name', () => {
    expect(dateFromFileName('news/2018-06-08_ant.txt')).toBe('2018-06-08');
    expect(dateFromFileName('ant-2018-06-08.txt')).toBeUndefined();
  });
});
