// The print view: its own entry (no vis-timeline, no app chrome). Same bundled fonts as the app, so the PDF embeds
// Noto Sans and Noto Sans Arabic and nothing depends on what the system has installed.
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/latin-ext-700.css';
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import './print.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PrintPage } from './print-page';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PrintPage search={window.location.search} />
  </StrictMode>,
);
