/** Corpus metadata: manifest.csv (interfaces.md §1), front matter and ISO dates in file names. */
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import type { Lang } from '../../shared/model';
import { LANGS } from '../../shared/model';

export interface FileMeta {
  published?: string;
  language?: Lang;
  title?: string;
  source?: string;
  url?: string;
}

export type Manifest = Map<string, FileMeta>;

const ISO_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

export function isIsoPartialDate(v: string): boolean {
  return ISO_DATE.test(v);
}

export class ManifestError extends Error {}

function metaFrom(row: Record<string, unknown>, where: string): FileMeta {
  const meta: FileMeta = {};
  const str = (k: string): string | undefined => {
    const v = row[k];
    if (v === undefined || v === null) return undefined;
    const s = (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)).trim();
    return s === '' ? undefined : s;
  };
  const published = str('published');
  if (published !== undefined) {
    if (!isIsoPartialDate(published)) throw new ManifestError(`${where}: published "${published}" is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)`);
    meta.published = published;
  }
  const language = str('language')?.toLowerCase();
  if (language !== undefined && (LANGS as readonly string[]).includes(language)) meta.language = language as Lang;
  for (const k of ['title', 'source', 'url'] as const) {
    const v = str(k);
    if (v !== undefined) meta[k] = v;
  }
  return meta;
}

/** Parses manifest.csv text; keys are file paths relative to the corpus folder. */
export function parseManifest(csv: string, name = 'manifest.csv'): Manifest {
  let rows: Array<Record<string, string>>;
  try {
    rows = parse(csv.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (e) {
    throw new ManifestError(`${name}: ${(e as Error).message}`);
  }
  const out: Manifest = new Map();
  rows.forEach((row, i) => {
    const file = row.file?.trim();
    if (!file) throw new ManifestError(`${name} line ${i + 2}: the "file" column is required`);
    out.set(file.replace(/\\/g, '/'), metaFrom(row, `${name} line ${i + 2}`));
  });
  return out;
}

/** Splits YAML front matter off a Markdown text. The body keeps its offsets relative to itself. */
export function splitFrontMatter(text: string): { meta: FileMeta; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (!m) return { meta: {}, body: text };
  let data: unknown;
  try {
    data = parseYaml(m[1]!);
  } catch {
    return { meta: {}, body: text };
  }
  if (typeof data !== 'object' || data === null) return { meta: {}, body: text };
  let meta: FileMeta;
  try {
    meta = metaFrom(data as Record<string, unknown>, 'front matter');
  } catch {
    // A malformed front-matter date is ignored here; the manifest or file name may still date the file.
    meta = {};
  }
  return { meta, body: text.slice(m[0].length) };
}

/** A file name starting with an ISO date ("2018-06-08_ant.txt") carries its publication date. */
export function dateFromFileName(file: string): string | undefined {
  const base = file.split('/').pop() ?? file;
  const m = /^(\d{4}-\d{2}-\d{2})(?=[_\-\s.])/.exec(base);
  return m && isIsoPartialDate(m[1]!) ? m[1] : undefined;
}
