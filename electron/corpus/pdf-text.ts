/**
 * PDF → text with pdfjs-dist's legacy build (the one meant for Node). Lines come from pdf.js's end-of-line marks;
 * Arabic stored in visual order is put back in logical order and presentation forms are normalised (arabic-visual.ts).
 * Nothing is rendered, no fonts are loaded and eval is off.
 */
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { logicalLine, normalisePresentationForms, readsBackwards } from './arabic-visual';

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}

export interface PdfText {
  text: string;
  pages: number;
  /** True when Arabic lines were stored in visual order and have been reversed. */
  reordered: boolean;
}

let pdfjs: Promise<typeof PdfJs> | null = null;

export async function pdfToText(bytes: Uint8Array): Promise<PdfText> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const { getDocument } = await pdfjs;
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 });
  const doc = await task.promise;
  try {
    const lines: string[][] = [];
    const pageBreaks: number[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      let line: string[] = [];
      for (const item of content.items as TextItemLike[]) {
        if (typeof item.str === 'string' && item.str !== '') line.push(item.str);
        if (item.hasEOL) {
          lines.push(line);
          line = [];
        }
      }
      if (line.length) lines.push(line);
      pageBreaks.push(lines.length);
      page.cleanup();
    }
    const reordered = readsBackwards(lines.map((l) => l.join('')).join('\n'));
    const out: string[] = [];
    lines.forEach((pieces, i) => {
      const joined = pieces.join('');
      out.push(reordered && /[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFC]/.test(joined) ? logicalLine(pieces) : joined);
      if (pageBreaks.includes(i + 1) && i + 1 < lines.length) out.push('');
    });
    const text = normalisePresentationForms(out.map((l) => l.replace(/\s+$/, '')).join('\n'))
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    return { text, pages: doc.numPages, reordered };
  } finally {
    await doc.destroy();
  }
}
