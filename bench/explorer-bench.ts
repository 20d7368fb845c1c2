/**
 * Bench entry `explorer` (issue #6): the real renderer through `cli serve` on a generated store of BENCH_EVENTS
 * (50,000) events in 8 lanes, in Debian's Chromium, next to plain vis-timeline given all the same items in a bare
 * page. Measured in the page: first draw (navigation → first `.vis-item` in the DOM), a scripted sequence of zoom
 * and pan steps (each from its `setWindow` call to the animation frame after vis-timeline's last `changed` of that
 * step, so our data update after the window change is included), and the JS heap after a forced GC
 * (CDP Runtime.getHeapUsage). Targets: first draw < 2 s, median step < 50 ms, max < 200 ms, heap < 500 MB.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildItems } from '../renderer/timeline/build-items';
import { writeExplorerStore } from './explorer-store';
import { generateCorpus, loadSentencePools } from './generate-corpus';
import { annotateCorpus } from '../electron/corpus/annotate-corpus';
import { openStore } from '../electron/store/database';
import { Repository } from '../electron/store/repository';
import type { StoreData } from '../electron/store/schema';

const ROOT = path.resolve(import.meta.dirname, '..');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function startServe(store: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn('npx', ['tsx', 'electron/cli.ts', 'serve', '--store', store, '--port', '0'], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve({ url: line.trim(), child }));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
}

/** The zoom / pan script, run inside the page against a vis-timeline instance. Returns one duration per step. */
/**
 * The zoom / pan script, run inside the page against a vis-timeline instance; one duration per step. Plain JS in a
 * string: functions handed to page.evaluate from tsx would carry esbuild's `__name` helper into the page.
 */
const STEPS_SCRIPT = `async ({ getTimeline, stepTimeoutMs }) => {
  const tl = new Function('return ' + getTimeline)();
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  // From the setWindow call to the animation frame right after the step's last 'changed' (settled: two quiet frames).
  const step = async (a, b) => {
    let lastFrame = 0;
    let changes = 0;
    const on = () => {
      changes += 1;
      requestAnimationFrame(() => { lastFrame = performance.now(); });
    };
    tl.on('changed', on);
    const t0 = performance.now();
    tl.setWindow(a, b, { animation: false });
    const deadline = t0 + stepTimeoutMs;
    while (changes === 0 && performance.now() < deadline) await frame();
    let quiet = 0;
    let seen = changes;
    while (quiet < 2 && performance.now() < deadline) {
      await frame();
      if (changes === seen) quiet += 1;
      else { seen = changes; quiet = 0; }
    }
    tl.off('changed', on);
    return changes === 0 || lastFrame === 0 ? stepTimeoutMs : lastFrame - t0;
  };
  const day = 86400000;
  const out = [];
  let c = new Date(2018, 5, 8).getTime();
  let w = 6 * 365 * day;
  // Zoom in 6 times (halving), pan 6 times (a fifth of the window), zoom out 6 times, pan 6 times.
  for (let i = 0; i < 6; i++) { w /= 2; out.push(await step(c - w / 2, c + w / 2)); }
  for (let i = 0; i < 6; i++) { c += w / 5; out.push(await step(c - w / 2, c + w / 2)); }
  for (let i = 0; i < 6; i++) { w *= 2; out.push(await step(c - w / 2, c + w / 2)); }
  for (let i = 0; i < 6; i++) { c -= w / 25; out.push(await step(c - w / 2, c + w / 2)); }
  return out;
}`;

async function runSteps(page: Page, getTimeline: string, stepTimeoutMs: number): Promise<number[]> {
  return page.evaluate(`(${STEPS_SCRIPT})(${JSON.stringify({ getTimeline, stepTimeoutMs })})`) as Promise<number[]>;
}

/**
 * CPU time of all of Chromium's renderer processes, ms (CDP SystemInfo.getProcessInfo): what the page costs in CPU,
 * which a loaded machine does not inflate the way it inflates wall-clock times.
 */
async function rendererCpuMs(browser: Browser): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; cpuTime: number }> };
  await cdp.detach();
  return processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime * 1000, 0);
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return Math.round((usedSize / 1048576) * 10) / 10;
}

async function firstDrawMs(page: Page, timeoutMs: number): Promise<number> {
  await page.waitForSelector('.vis-item', { state: 'attached', timeout: timeoutMs });
  return Math.round((await page.evaluate(`performance.getEntriesByName('bench:first-item')[0]?.startTime ?? performance.now()`)) as number);
}

const FIRST_ITEM_OBSERVER = `new MutationObserver((_, obs) => {
  if (document.querySelector('.vis-item')) { performance.mark('bench:first-item'); obs.disconnect(); }
}).observe(document, { childList: true, subtree: true });`;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2 : NaN;
};
const r0 = (x: number): number => Math.round(x);

/** A bare page: vis-timeline (standalone bundle) given every item at once, set up as pitfalls.md recommends. */
const PLAIN_HTML = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/vis.css">
<style>html,body{margin:0;height:100%} #tl{height:100%}</style></head><body><div id="tl"></div><script src="/plain.js"></script></body></html>`;
const PLAIN_JS = `
import { Timeline, DataSet } from 'vis-timeline/standalone';
const { items, groups } = await (await fetch('/items.json')).json();
const ds = new DataSet(items.map((i) => ({ ...i, start: new Date(i.start), ...(i.end ? { end: new Date(i.end) } : {}) })));
let tl;
tl = new Timeline(document.getElementById('tl'), ds, new DataSet(groups), {
  height: '100%', stack: true, orientation: { axis: 'top', item: 'top' }, verticalScroll: true, showCurrentTime: false,
  onInitialDrawComplete: () => tl && tl.redraw(),
});
tl.setWindow(new Date(2016, 0, 1), new Date(2021, 11, 31), { animation: false });
window.__tl = tl;
`;

async function servePlain(items: unknown): Promise<{ url: string; close: () => Promise<void> }> {
  const { build } = await import('esbuild');
  const bundled = await build({ stdin: { contents: PLAIN_JS, resolveDir: ROOT, loader: 'js' }, bundle: true, format: 'esm', write: false, minify: true, target: 'es2022' });
  const js = bundled.outputFiles[0]!.text;
  const css = await readFile(path.join(ROOT, 'node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css'), 'utf8');
  const json = JSON.stringify(items);
  const server = http.createServer((req, res) => {
    const send = (type: string, body: string): void => {
      res.writeHead(200, { 'Content-Type': type });
      res.end(body);
    };
    if (req.url === '/plain.js') send('text/javascript', js);
    else if (req.url === '/vis.css') send('text/css', css);
    else if (req.url === '/items.json') send('application/json', json);
    else send('text/html', PLAIN_HTML.replace('<script src="/plain.js">', '<script type="module" src="/plain.js">'));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

/**
 * A fresh browser context opens `url`: its first drawn item's time and the renderer CPU until then (which includes
 * the polling of waitForSelector: an upper bound). The caller closes `ctx`.
 */
async function freshFirstDraw(browser: Browser, url: string): Promise<{ ctx: BrowserContext; page: Page; ms: number; cpuMs: number }> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await ctx.newPage();
    await page.addInitScript(FIRST_ITEM_OBSERVER);
    const cpu0 = await rendererCpuMs(browser);
    await page.goto(url);
    const ms = await firstDrawMs(page, 120_000);
    return { ctx, page, ms, cpuMs: (await rendererCpuMs(browser)) - cpu0 };
  } catch (e) {
    await ctx.close();
    throw e;
  }
}

/** Our explorer on a served store: first draw of a fresh page (after a warm-up visit), then the steps, then the heap. */
async function measureOurs(browser: Browser, url: string): Promise<{ firstDrawMs: number; firstDrawCpuMs: number; steps: number[]; stepCpuMs: number; items: number; heapMB: number }> {
  // A first visit builds the renderer if needed and warms the server; the measured visit is a fresh page.
  const warm = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await warm.goto(url);
  await warm.waitForSelector('.vis-item', { state: 'attached', timeout: 120_000 });
  await warm.close();
  const { ctx, page, ms: first, cpuMs: firstDrawCpuMs } = await freshFirstDraw(browser, url);
  try {
    await page.waitForTimeout(500);
    const cpu1 = await rendererCpuMs(browser);
    const steps = await runSteps(page, `document.querySelector('[data-testid="timeline"]').visTimeline`, 10_000);
    const stepCpuMs = ((await rendererCpuMs(browser)) - cpu1) / steps.length;
    const items = await page.locator('.vis-item').count();
    return { firstDrawMs: first, firstDrawCpuMs, steps, stepCpuMs, items, heapMB: await heapMB(page) };
  } finally {
    await ctx.close();
  }
}

/** Plain vis-timeline given every item of the same store, in a bare page. */
async function measurePlain(browser: Browser, data: StoreData, timeoutMs: number): Promise<Record<string, number | string>> {
  const documents = data.documents.map((d) => ({ id: d.document.id, file: d.document.file, lang: d.document.lang, title: d.document.title, published: d.document.published, eventCount: d.events.length, problems: [] }));
  const specs = buildItems(data.documents.flatMap((d) => d.events), documents, new Map());
  const items = specs.map((s) => ({ id: s.id, group: s.group, type: s.type, start: s.start.getTime(), ...(s.end ? { end: s.end.getTime() } : {}), content: s.label, className: s.className }));
  const plain = await servePlain({ items, groups: documents.map((d, i) => ({ id: d.id, content: d.title, order: i })) });
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const pp = await ctx.newPage();
    await pp.addInitScript(FIRST_ITEM_OBSERVER);
    await pp.goto(plain.url);
    try {
      const first = await firstDrawMs(pp, timeoutMs);
      await pp.waitForFunction('window.__tl !== undefined', undefined, { timeout: timeoutMs });
      const steps = await runSteps(pp, 'window.__tl', 20_000);
      return { plainFirstDrawMs: first, plainStepMedianMs: r0(median(steps)), plainStepMaxMs: r0(Math.max(...steps)), plainHeapMB: await heapMB(pp) };
    } catch {
      return { plainFirstDrawMs: `>${timeoutMs}` };
    }
  } finally {
    await ctx.close();
    await plain.close();
  }
}

/** The page's own marks until its first timeline item: when the overview had arrived, the explorer started, vis-timeline was made. */
const PHASES = `(() => {
  const mark = (n) => Math.round(performance.getEntriesByName(n)[0]?.startTime ?? NaN);
  const overview = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/call/timeline:overview'));
  return { overviewMs: Math.round(overview?.responseEnd ?? NaN), overviewKB: Math.round((overview?.transferSize ?? NaN) / 1024), explorerMs: mark('chronolens:explorer'), timelineMs: mark('chronolens:timeline-create') };
})()`;

/**
 * Issue #4's target: the store of a 10,000-article corpus (BENCH_CORPUS_ARTICLES; generated ~4 KB articles, annotated
 * with BENCH_JOBS workers) opens with its first timeline drawn in under 1.5 s in the browser preview. Measured on the
 * first page of a just-started `cli serve` (cold: the server has just opened the store, which includes having the
 * explorer's overview ready; the first start after annotation derives it, later ones read it from beside the store),
 * and on a fresh page after it (warm). BENCH_CORPUS_RUNS (1) starts the server that many times; the first start
 * derives the overview, the others find it. BENCH_CORPUS=0 leaves it out.
 */
async function measureCorpusStore(browser: Browser, tmp: string): Promise<Record<string, number | string>> {
  const n = Number(process.env.BENCH_CORPUS_ARTICLES ?? 10_000);
  const runs = Math.max(1, Number(process.env.BENCH_CORPUS_RUNS ?? 1));
  const corpus = path.join(tmp, 'corpus');
  await generateCorpus({ out: corpus, count: n, pools: await loadSentencePools(path.join(ROOT, 'assets/corpus')), seed: 4 });
  const storeFile = path.join(tmp, 'corpus-store.json');
  const store = await openStore(storeFile);
  const summary = await annotateCorpus(corpus, new Repository(store), { jobs: Number(process.env.BENCH_JOBS ?? 2) });
  await store.close();
  const first = async (url: string): Promise<{ ms: number; cpuMs: number; phases: Record<string, number> }> => {
    const { ctx, page, ms, cpuMs } = await freshFirstDraw(browser, url);
    try {
      return { ms, cpuMs, phases: (await page.evaluate(PHASES)) as Record<string, number> };
    } finally {
      await ctx.close();
    }
  };
  const cold: Array<Awaited<ReturnType<typeof first>>> = [];
  const warm: Array<Awaited<ReturnType<typeof first>>> = [];
  const serveStartMs: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const started = await startServe(storeFile);
    serveStartMs.push(performance.now() - t0);
    try {
      cold.push(await first(started.url));
      warm.push(await first(started.url));
    } finally {
      if (started.child.pid) process.kill(-started.child.pid, 'SIGTERM');
      // The next start must find the store unlocked.
      await new Promise<void>((resolve) => (started.child.exitCode !== null ? resolve() : started.child.once('exit', () => resolve())));
    }
  }
  const list = (xs: number[]): string => xs.map(r0).join(',');
  const last = warm[warm.length - 1]!;
  return {
    corpusArticles: summary.documents,
    corpusEvents: summary.events,
    // Opening the store in `cli serve` until it prints its URL (the first start derives the overview).
    corpusServeStartMs: list(serveStartMs),
    corpusColdFirstDrawMs: cold[0]!.ms,
    corpusColdFirstDrawCpuMs: r0(cold[0]!.cpuMs),
    corpusFirstDrawMs: warm[0]!.ms,
    corpusFirstDrawCpuMs: r0(warm[0]!.cpuMs),
    ...(runs > 1 ? { corpusColdRunsMs: list(cold.map((c) => c.ms)), corpusWarmRunsMs: list(warm.map((w) => w.ms)) } : {}),
    // Where the last warm page's time went: overview received, explorer started, timeline created (ms from navigation).
    corpusOverviewKB: last.phases.overviewKB ?? NaN,
    corpusPhasesMs: `overview ${last.phases.overviewMs} · explorer ${last.phases.explorerMs} · timeline ${last.phases.timelineMs} · first item ${last.ms}`,
  };
}

export async function benchExplorer(): Promise<Record<string, number | string>> {
  const n = Number(process.env.BENCH_EVENTS ?? 50_000);
  const plainTimeoutMs = Number(process.env.BENCH_PLAIN_TIMEOUT_MS ?? 180_000);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'chronolens-bench-explorer-'));
  let serve: ChildProcess | null = null;
  let browser: Browser | null = null;
  try {
    const store = path.join(tmp, 'store.json');
    const data = await writeExplorerStore(store, { events: n, documents: 8 });
    const started = await startServe(store);
    serve = started.child;
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const ours = await measureOurs(browser, started.url);
    // BENCH_PLAIN=0 leaves out plain vis-timeline (minutes at 50,000 items) while iterating; reports include it.
    const plain = process.env.BENCH_PLAIN === '0' ? { plain: 'skipped' } : await measurePlain(browser, data, plainTimeoutMs);
    const corpus = process.env.BENCH_CORPUS === '0' ? { corpus: 'skipped' } : await measureCorpusStore(browser, tmp);
    return {
      events: n,
      lanes: 8,
      loadAvg1m: Math.round(os.loadavg()[0]! * 10) / 10,
      cpus: os.cpus().length,
      oursFirstDrawMs: ours.firstDrawMs,
      // CPU of the page's renderer process until then (the server's part is not in it).
      oursFirstDrawCpuMs: r0(ours.firstDrawCpuMs),
      oursStepMedianMs: r0(median(ours.steps)),
      oursStepMaxMs: r0(Math.max(...ours.steps)),
      // Renderer CPU per step (less sensitive to a loaded machine than the wall-clock figures).
      oursStepCpuMs: r0(ours.stepCpuMs),
      oursSteps: ours.steps.length,
      oursItemsInDom: ours.items,
      oursHeapMB: ours.heapMB,
      ...plain,
      ...corpus,
    };
  } finally {
    await browser?.close();
    if (serve?.pid) {
      try {
        process.kill(-serve.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await rm(tmp, { recursive: true, force: true });
  }
}

// `npx tsx bench/explorer-bench.ts` runs it alone.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  console.log(JSON.stringify(await benchExplorer(), null, 2));
}
