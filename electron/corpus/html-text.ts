/**
 * HTML → article text. Readability over linkedom finds the article (no navigation, scripts or styles); nothing is
 * executed or fetched (pitfalls.md: neither DOM ran scripts from hostile HTML). Readability needs 14–30 s on 1,000
 * nested levels and overflows the stack on 10,000, so the nesting depth is measured first, with a linear scan,
 * and very deep documents go through the plain tag stripper instead. The caller runs this in a worker with a time
 * bound (worker-pool.ts), which stops anything that still runs away.
 */
import { Readability } from '@mozilla/readability';
import { decodeHTML } from 'entities';
import { parseHTML } from 'linkedom';

/** Deeper than this, Readability is skipped (measured: 200 levels take ~0.1 s, 1,000 take 14–30 s). */
export const MAX_READABILITY_DEPTH = 200;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose content is never article text. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'head', 'nav', 'iframe', 'object', 'select', 'button', 'form', 'textarea']);
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'pre', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'figcaption', 'address', 'hr', 'br', 'body', 'html', 'caption',
]);

export interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  /** Index just after the tag's '>'. */
  end: number;
}

/** Reads the tag starting at html[i] === '<'. Linear in the tag's length; null when '<' does not open a tag. */
export function readTag(html: string, i: number): Tag | null {
  let j = i + 1;
  const closing = html[j] === '/';
  if (closing) j++;
  const nameStart = j;
  while (j < html.length && /[A-Za-z0-9:-]/.test(html[j]!)) j++;
  if (j === nameStart) return null;
  const name = html.slice(nameStart, j).toLowerCase();
  // Skip attributes, honouring quotes so a '>' inside a value does not end the tag.
  let quote: string | null = null;
  for (; j < html.length; j++) {
    const c = html[j]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return { name, closing, selfClosing: html[j - 1] === '/', end: j + 1 };
  }
  return { name, closing, selfClosing: false, end: html.length };
}

/**
 * The first tag at or after `from`, skipping comments and '<' that opens no tag; null at the end. Callers resume
 * from `tag.end` (or further, past a script's body).
 */
export function nextTag(html: string, from: number): { at: number; tag: Tag } | null {
  let i = html.indexOf('<', from);
  while (i !== -1) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end === -1 ? -1 : html.indexOf('<', end + 3);
      continue;
    }
    const tag = readTag(html, i);
    if (tag) return { at: i, tag };
    i = html.indexOf('<', i + 1);
  }
  return null;
}

/** Maximum element nesting, counted in one pass (void and self-closing elements do not nest). */
export function nestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (let t = nextTag(html, 0); t; t = nextTag(html, t.tag.end)) {
    if (t.tag.closing) depth = Math.max(0, depth - 1);
    else if (!t.tag.selfClosing && !VOID.has(t.tag.name)) max = Math.max(max, ++depth);
  }
  return max;
}

const collapse = (s: string): string =>
  s
    .split('\n')
    .map((l) => l.replace(/[ \t\f\v\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/**
 * Plain text of an HTML fragment: skipped elements dropped, block elements become paragraph breaks, entities decoded.
 * One linear pass; safe on any depth.
 */
export function stripTags(html: string): string {
  const lower = html.toLowerCase();
  const out: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      out.push(decodeHTML(html.slice(i)));
      break;
    }
    if (lt > i) out.push(decodeHTML(html.slice(i, lt)));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt);
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    const tag = readTag(html, lt);
    if (!tag) {
      out.push('<');
      i = lt + 1;
      continue;
    }
    i = tag.end;
    if (!tag.closing && !tag.selfClosing && SKIP.has(tag.name)) {
      const close = lower.indexOf(`</${tag.name}`, i);
      const end = close === -1 ? -1 : html.indexOf('>', close);
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    if (BLOCK.has(tag.name)) out.push(tag.name === 'br' ? '\n' : '\n\n');
    else if (tag.name === 'td' || tag.name === 'th') out.push(' ');
  }
  return collapse(out.join(''));
}

/** The charset an HTML file declares in its first bytes (`<meta charset>` or http-equiv), if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{1,40})/i.exec(head);
  return m ? m[1]! : null;
}

export interface HtmlText {
  text: string;
  title: string | null;
  /** How the text was found: the article by Readability, or every text node (deep or article-less pages). */
  method: 'readability' | 'plain';
  /** Element nesting depth measured before choosing the method. */
  depth: number;
}

export function htmlToText(html: string): HtmlText {
  const titleMatch = /<title[^>]*>([^<]{0,500})<\/title/i.exec(html);
  const docTitle = titleMatch ? collapse(decodeHTML(titleMatch[1]!)) || null : null;
  const depth = nestingDepth(html);
  if (depth <= MAX_READABILITY_DEPTH) {
    try {
      const { document } = parseHTML(html);
      const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
      const text = article?.content ? stripTags(article.content) : '';
      if (text.length > 0) return { text, title: article?.title?.trim() || docTitle, method: 'readability', depth };
    } catch {
      // Readability gives up on some pages; the plain stripper still reads them.
    }
  }
  const bodyStart = html.search(/<body[\s>]/i);
  return { text: stripTags(bodyStart === -1 ? html : html.slice(bodyStart)), title: docTitle, method: 'plain', depth };
}
