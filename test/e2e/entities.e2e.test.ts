/**
 * The entity catalog end to end, at 1366×768: the real renderer in Chromium over `cli serve` on a temp copy of the
 * sample corpus. In the Entities tab a researcher adds another name to an entity, merges two entities and accepts a
 * suggested name; the timeline's labels and the entity filter's counts follow each change, and Undo takes one back.
 */
import type { ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, launchChromium, ROOT, startServe, stopServe } from './harness';
import type { EventsExport } from '../../shared/model';

let dir: string;
let store: string;
let shots: string;
let data: EventsExport;
let server: ChildProcess | null = null;
let browser: Browser;
let page: Page;
const problems: string[] = [];

const REGULATOR = 'الجهة المنظمة للسوق';
const eventId = (words: string): string => data.events.find((e) => e.text.includes(words))!.id;
const itemLabel = (id: string): Promise<string | null> => page.locator(`.vis-item [data-event-id="${id}"] .ev-label`).first().textContent();
const row = (id: string) => page.locator(`[data-testid="entity-panel"] [data-entity-id="${id}"]`);
const shot = (name: string) => page.screenshot({ path: path.join(shots, name) });

async function tab(name: 'entities' | 'filters' | 'events'): Promise<void> {
  await page.click(`[data-testid="tab-${name}"]`);
  if (name === 'entities') await page.waitForSelector('[data-testid="entity-panel"]');
}

/** The entity filter's count for an entity (null when the filter does not list it). */
async function filterCount(id: string): Promise<number | null> {
  await tab('filters');
  const count = page.locator(`label:has(input[data-filter-value="${id}"]) .check-count`);
  return (await count.count()) ? Number(await count.textContent()) : null;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'chronolens-entities-'));
  const corpus = path.join(dir, 'corpus');
  store = path.join(dir, 'store.json');
  shots = process.env.CHRONOLENS_SHOTS ?? path.join(dir, 'shots');
  await mkdir(shots, { recursive: true });
  await cp(path.join(ROOT, 'assets/corpus'), corpus, { recursive: true });
  await cli('annotate', corpus, '--store', store);
  data = JSON.parse(await cli('export', store, '--format', 'json')) as EventsExport;
  const served = await startServe(store);
  server = served.child;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.goto(served.url);
  await page.waitForSelector('.vis-item [data-event-id]', { timeout: 60_000, state: 'attached' });
});

afterAll(async () => {
  if (page && !page.isClosed()) await page.goto('about:blank');
  await browser?.close();
  await stopServe(server);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the Entities tab', () => {
  it('adds another name to an entity: its event is relabelled and the entity filter counts it', async () => {
    const id = eventId(REGULATOR);
    expect(await itemLabel(id)).toBe("China · regulators' order");
    expect(await filterCount('chinese-government')).toBe(1);

    await tab('entities');
    await shot('entities-catalog.png');
    await row('chinese-government').locator('.entity-summary').click();
    await row('chinese-government').getByTestId('alias-input').fill(REGULATOR);
    await row('chinese-government').getByTestId('alias-add').click();
    await expect.poll(() => itemLabel(id)).toBe("Chinese government · regulators' order");
    await expect.poll(() => row('chinese-government').getByTestId('alias-chip').allTextContents()).toContain(`${REGULATOR}×`);
    await row('chinese-government').scrollIntoViewIfNeeded();
    await shot('entities-alias.png');
    expect(await filterCount('chinese-government')).toBe(2);
  });

  it('merges Alipay into Ant Financial: labels and filter counts move to the survivor, and Undo moves them back', async () => {
    const ordered = eventId('أمرت الهيئات التنظيمية');
    expect(await itemLabel(ordered)).toBe("Alipay · regulators' order");
    const alipay = (await filterCount('alipay'))!;
    const ant = (await filterCount('ant-financial'))!;
    const both = data.events.filter((e) => e.entities.includes('alipay') || e.entities.includes('ant-financial')).length;
    expect(alipay).toBeGreaterThan(0);

    await tab('entities');
    await row('alipay').locator('.entity-summary').click();
    await row('alipay').getByTestId('merge-target').selectOption('ant-financial');
    await row('alipay').getByTestId('merge').click();
    await expect.poll(() => itemLabel(ordered)).toBe("Ant Financial · regulators' order");
    await expect.poll(() => row('alipay').count()).toBe(0);
    expect(await filterCount('alipay')).toBeNull();
    expect(await filterCount('ant-financial')).toBe(both);
    expect(both).toBeGreaterThan(ant);

    await page.click('button:has-text("Undo")');
    await expect.poll(() => itemLabel(ordered)).toBe("Alipay · regulators' order");
    expect(await filterCount('alipay')).toBe(alipay);
    expect(await filterCount('ant-financial')).toBe(ant);
  });

  it('accepts a suggested name as an organisation, and dismisses another until Undo', async () => {
    expect(await filterCount('atec')).toBeNull();
    await tab('entities');
    await page.click('[data-testid="entities-suggestions"]');
    await shot('entities-suggestions.png');
    const atec = page.locator('[data-testid="candidate"][data-candidate="ATEC"]');
    await atec.getByTestId('candidate-add').click();
    await expect.poll(() => atec.count()).toBe(0);
    expect(await filterCount('atec')).toBe(1);
    await tab('entities');
    await expect.poll(() => row('atec').locator('.edited-badge').textContent()).toBe('added');

    await page.click('[data-testid="entities-suggestions"]');
    const qiuwan = page.locator('[data-testid="candidate"][data-candidate="Qiuwan"]');
    await page.click('[data-testid="candidates"] button:has-text("Show all")');
    await qiuwan.getByTestId('candidate-dismiss').click();
    await expect.poll(() => qiuwan.count()).toBe(0);
    await page.click('button:has-text("Undo")');
    await expect.poll(() => qiuwan.count()).toBe(1);
    expect(problems).toEqual([]);
  });
});
