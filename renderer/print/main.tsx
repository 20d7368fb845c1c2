// The print view: its own entry (no vis-timeline, no app chrome). Bundled fonts, so the PDF embeds Noto Sans and
// Amiri and nothing depends on what the system has installed.
import '../no-eval';
// First: the print view as the dialog's preview takes the dialog's API before api.ts looks for one.
import './inherit-api';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/latin-ext-700.css';
// Arabic in reports is set in Amiri, and only in Amiri (one Arabic font to load, lay out and embed): its letters
// keep their dots in the glyph, so PDF text extraction gives whole words (measured with pdftotext on the sample
// corpus: 93% of Arabic words intact, against 35% with Noto Sans Arabic, whose dots are separate mark glyphs).
import '@fontsource/amiri/arabic-400.css';
import '@fontsource/amiri/arabic-700.css';
import './print.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PrintPage } from './print-page';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PrintPage search={window.location.search} />
  </StrictMode>,
);
