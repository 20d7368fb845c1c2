/** Reads one corpus file into text plus front matter, or a per-file problem. Never throws for bad input. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileProblem } from '../../shared/model';
import { DecodeError, decodeText, normaliseNewlines } from './decode';
import { splitFrontMatter, type FileMeta } from './manifest';
import type { ScannedFile } from './scan';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface ReadDocument {
  text: string;
  hash: string;
  encoding: string;
  frontMatter?: FileMeta;
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function readDocument(f: ScannedFile, maxBytes = DEFAULT_MAX_BYTES): Promise<ReadDocument | FileProblem> {
  if (f.size > maxBytes) return { file: f.rel, code: 'too-large', message: `${(f.size / 1048576).toFixed(1)} MB is above the ${(maxBytes / 1048576).toFixed(0)} MB limit; skipped` };
  let bytes: Buffer;
  try {
    bytes = await readFile(f.abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'vanished' : 'unreadable';
    return { file: f.rel, code, message: `cannot read: ${(e as Error).message}` };
  }
  let decoded;
  try {
    decoded = decodeText(bytes);
  } catch (e) {
    if (e instanceof DecodeError) return { file: f.rel, code: e.code === 'empty' ? 'empty' : e.code, message: e.message };
    throw e;
  }
  let text = normaliseNewlines(decoded.text);
  let frontMatter: FileMeta | undefined;
  if (path.extname(f.rel).toLowerCase() === '.md') {
    const fm = splitFrontMatter(text);
    text = fm.body;
    if (Object.keys(fm.meta).length > 0) frontMatter = fm.meta;
  }
  if (text.trim() === '') return { file: f.rel, code: 'empty', message: 'the file has no text' };
  return { text, hash: sha256(bytes), encoding: decoded.encoding, ...(frontMatter ? { frontMatter } : {}) };
}
