/**
 * One corpus file → text plus metadata, or a per-file problem. Never throws for bad input.
 * Reading (bytes + hash) is cheap and runs in the main thread so unchanged files are recognised without a worker;
 * extraction (decode, HTML, PDF, DOCX) runs in the annotation worker, under its time bound.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentProblem, FileProblem, Lang } from '../../shared/model';
import { DecodeError, decodeText, normaliseNewlines, type Script } from './decode';
import { htmlPublicationDate, type PageDate } from './html-date';
import { declaredCharset, htmlToText, MAX_READABILITY_DEPTH } from './html-text';
import { splitFrontMatter, type FileMeta } from './manifest';
import { pdfToText } from './pdf-text';
import type { ScannedFile } from './scan';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export type DocumentFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';

const FORMATS: Record<string, DocumentFormat> = { '.txt': 'text', '.md': 'markdown', '.markdown': 'markdown', '.html': 'html', '.htm': 'html', '.pdf': 'pdf', '.docx': 'docx' };
export const SUPPORTED_EXTENSIONS = Object.keys(FORMATS);

export function formatOf(file: string): DocumentFormat | null {
  return FORMATS[path.extname(file).toLowerCase()] ?? null;
}

export interface ReadDocument {
  text: string;
  hash: string;
  /** How the bytes were decoded ("utf-8", "windows-1256", ...) or the container ("pdf", "docx"). */
  encoding: string;
  format: DocumentFormat;
  /** Metadata the file carries itself: Markdown front matter, an HTML title. */
  frontMatter?: FileMeta;
  /** The publication date a web page declares in its markup (html-date.ts). */
  pageDate?: PageDate;
  /** What the reader should know about how the text was obtained (a guessed code page, a reordered PDF...). */
  notes?: DocumentProblem[];
}

/** Code pages we chose by detection rather than read from a BOM, a declaration or valid UTF-8. */
const GUESSED = new Set(['windows-1256', 'iso-8859-6', 'windows-1252', 'utf-16le', 'utf-16be']);

function labelOf(charset: string): string | null {
  try {
    return new TextDecoder(charset.trim().toLowerCase()).encoding;
  } catch {
    return null;
  }
}

function encodingNotes(encoding: string, declared: string | null = null): DocumentProblem[] {
  if (!GUESSED.has(encoding) || (declared && labelOf(declared) === encoding)) return [];
  return [{ code: 'encoding-guessed', message: `no BOM, not UTF-8: decoded as ${encoding}, chosen by detection and checked against the script` }];
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

const mb = (n: number): string => `${(n / 1048576).toFixed(1)} MB`;

/** Files read since the event loop last had a turn (see readFileBytes). */
let readsSinceYield = 0;

/**
 * The file's bytes and content hash, or why they cannot be had. Read synchronously: a news article (4 KB) costs ~20 µs
 * of CPU that way and ~100 µs through fs.promises (open, stat, read, close as four round trips), which made reading
 * and hashing most of an unchanged re-run. The event loop gets a turn every 32 files.
 */
export async function readFileBytes(f: ScannedFile, maxBytes = DEFAULT_MAX_BYTES): Promise<{ bytes: Uint8Array; hash: string } | FileProblem> {
  if (f.size > maxBytes) return { file: f.rel, code: 'too-large', message: `${mb(f.size)} is above the ${mb(maxBytes)} limit; skipped (raise it with --max-mb)` };
  if (++readsSinceYield >= 32) {
    readsSinceYield = 0;
    await new Promise((resolve) => setImmediate(resolve));
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(f.abs);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return { file: f.rel, code: 'vanished', message: 'the file disappeared after the folder was scanned' };
    if (err.code === 'ELOOP') return { file: f.rel, code: 'loop', message: 'symbolic link loop; skipped' };
    return { file: f.rel, code: 'unreadable', message: `cannot read (${err.code ?? 'error'}): ${err.message}` };
  }
  // The size may have changed since the scan.
  if (bytes.length > maxBytes) return { file: f.rel, code: 'too-large', message: `${mb(bytes.length)} is above the ${mb(maxBytes)} limit; skipped (raise it with --max-mb)` };
  // A small file lands in Node's shared buffer pool: copied into memory of its own, it can be handed to a worker.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
  return { bytes: own, hash: sha256(own) };
}

export interface ExtractOptions {
  /** The language the manifest gives, to check a guessed code page against its script. */
  lang?: Lang;
}

const scriptOf = (lang: Lang | undefined): Script | null => (lang === 'ar' ? 'arabic' : lang && lang !== 'und' ? 'latin' : null);

async function extract(rel: string, format: DocumentFormat, bytes: Uint8Array, opts: ExtractOptions): Promise<Omit<ReadDocument, 'hash'> | FileProblem> {
  const script = scriptOf(opts.lang);
  switch (format) {
    case 'pdf': {
      let pdf;
      try {
        pdf = await pdfToText(bytes);
      } catch (e) {
        return { file: rel, code: 'undecodable', message: `not a readable PDF: ${(e as Error).message}` };
      }
      if (pdf.text.trim() === '') return { file: rel, code: 'empty', message: `the PDF (${pdf.pages} pages) has no text layer (a scan?); nothing to annotate` };
      const notes: DocumentProblem[] = pdf.reordered ? [{ code: 'pdf-reordered', message: 'the PDF stores Arabic in visual order; lines were put back in reading order' }] : [];
      return { text: pdf.text, encoding: pdf.reordered ? 'pdf (Arabic reordered)' : 'pdf', format, ...(notes.length ? { notes } : {}) };
    }
    case 'docx': {
      const { default: mammoth } = await import('mammoth');
      let value: string;
      try {
        ({ value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }));
      } catch (e) {
        return { file: rel, code: 'undecodable', message: `not a readable .docx: ${(e as Error).message}` };
      }
      return { text: normaliseNewlines(value).replace(/\n{3,}/g, '\n\n').trim(), encoding: 'docx', format };
    }
    case 'html': {
      const declared = declaredCharset(bytes);
      const decoded = decodeText(bytes, { declared, script, markup: true });
      const source = normaliseNewlines(decoded.text);
      const html = htmlToText(source);
      const notes = encodingNotes(decoded.encoding, declared);
      if (html.method === 'plain') {
        notes.push({
          code: 'html-plain',
          message: html.depth > MAX_READABILITY_DEPTH ? `elements nest ${html.depth} levels deep: read as plain text, without finding the article (menus may be included)` : 'no article found in the page: all its text was read (menus may be included)',
        });
      }
      const pageDate = htmlPublicationDate(source);
      return { text: html.text, encoding: decoded.encoding, format, ...(html.title ? { frontMatter: { title: html.title } } : {}), ...(pageDate ? { pageDate } : {}), ...(notes.length ? { notes } : {}) };
    }
    case 'markdown': {
      const decoded = decodeText(bytes, { script });
      const fm = splitFrontMatter(normaliseNewlines(decoded.text));
      const notes = encodingNotes(decoded.encoding);
      return { text: fm.body, encoding: decoded.encoding, format, ...(Object.keys(fm.meta).length > 0 ? { frontMatter: fm.meta } : {}), ...(notes.length ? { notes } : {}) };
    }
    case 'text': {
      const decoded = decodeText(bytes, { script });
      const notes = encodingNotes(decoded.encoding);
      return { text: normaliseNewlines(decoded.text), encoding: decoded.encoding, format, ...(notes.length ? { notes } : {}) };
    }
  }
}

/** Bytes → text and the file's own metadata, or a per-file problem. */
export async function extractDocument(rel: string, bytes: Uint8Array, hash: string, opts: ExtractOptions = {}): Promise<ReadDocument | FileProblem> {
  const format = formatOf(rel);
  if (!format) return { file: rel, code: 'unsupported', message: `unsupported file type ${path.extname(rel) || '(none)'}; skipped` };
  if (bytes.length === 0) return { file: rel, code: 'empty', message: 'the file is empty' };
  let out;
  try {
    out = await extract(rel, format, bytes, opts);
  } catch (e) {
    if (e instanceof DecodeError) return { file: rel, code: e.code, message: e.message };
    throw e;
  }
  if ('code' in out) return out;
  if (out.text.trim() === '') return { file: rel, code: 'empty', message: format === 'html' ? 'the page has no article text' : 'the file has no text' };
  return { ...out, hash };
}

export async function readDocument(f: ScannedFile, maxBytes = DEFAULT_MAX_BYTES, opts: ExtractOptions = {}): Promise<ReadDocument | FileProblem> {
  const read = await readFileBytes(f, maxBytes);
  if ('code' in read) return read;
  return extractDocument(f.rel, read.bytes, read.hash, opts);
}
