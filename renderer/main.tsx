// Fonts are bundled (no CDN: the app runs offline under a strict CSP). Latin subsets for de/fr/en, Arabic for ar.
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/latin-ext-700.css';
import '@fontsource/noto-sans-arabic/arabic-400.css';
import '@fontsource/noto-sans-arabic/arabic-700.css';
import 'vis-timeline/styles/vis-timeline-graph2d.css';
import './styles/app.css';
import { prefetchOverview } from './ipc/overview-prefetch';

// This first script is small: the explorer's data is on its way while the app's bundle (React, vis-timeline) is
// loaded and parsed, and while React sets the page up.
prefetchOverview();
void import('./start-app');
