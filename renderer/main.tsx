// Fonts are bundled (no CDN: the app runs offline under a strict CSP). Latin subsets for de/fr/en, Arabic for ar.
import './no-eval';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/latin-ext-700.css';
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import 'vis-timeline/styles/vis-timeline-graph2d.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { prefetchOverview } from './ipc/timeline-overview';

// The explorer's data is on its way while React sets the page up (renderer/ipc/timeline-overview.ts).
prefetchOverview();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
