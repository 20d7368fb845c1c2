/**
 * Matching a stored document again against an edited catalog: what the researcher changed shows up in mentions,
 * candidates, event entities and labels; nothing else moves.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyCatalogEdits } from '../../../../shared/catalog';
import type { Edit, EditOp } from '../../../../shared/edits';
import { annotateDocument, rematchEntities } from '../../../../electron/annotate/annotate-document';
import { defaultCatalog, EntityMatcher } from '../../../../electron/annotate/entities/index';

const file = '001_aa85632ba5fb63a3.txt';
const doc = annotateDocument({ id: 'd1', file, text: readFileSync(`assets/corpus/${file}`, 'utf8'), hash: 'h', manifest: { language: 'ar', published: '2021-04-13' } });
const matcherAfter = (...ops: EditOp[]) => new EntityMatcher(applyCatalogEdits(defaultCatalog(), ops.map((op, i): Edit => ({ seq: i + 1, at: '', op }))).catalog);
const labels = (a: typeof doc) => a.events.map((e) => e.label);

describe('rematchEntities', () => {
  it('gives exactly the stored annotations again when the catalog is unchanged', () => {
    expect(rematchEntities(doc, new EntityMatcher(defaultCatalog()))).toEqual(doc);
  });

  it('takes up a new alias: the market regulator becomes an entity of its event and names it', () => {
    const before = doc.events.find((e) => e.text.includes('الجهة المنظمة للسوق'))!;
    expect(before.label).toBe("China · regulators' order");
    const after = rematchEntities(doc, matcherAfter({ kind: 'entity.alias', id: 'chinese-government', add: ['الجهة المنظمة للسوق'] }));
    const e = after.events.find((x) => x.id === before.id)!;
    expect(e.label).toBe("Chinese government · regulators' order");
    expect(e.entities).toContain('chinese-government');
    expect(after.timexes).toBe(doc.timexes);
    expect(after.amounts).toBe(doc.amounts);
  });

  it('follows a merge and a rename into every label', () => {
    const after = rematchEntities(doc, matcherAfter({ kind: 'entity.merge', into: 'ant-financial', from: ['alipay'] }, { kind: 'entity.update', id: 'ant-financial', name: 'Ant Group' }));
    expect(labels(after)).not.toContain("Alipay · regulators' order");
    expect(labels(after)).toContain("Ant Group · regulators' order");
    expect(after.mentions!.some((m) => m.entity === 'alipay')).toBe(false);
  });

  it('offers a deleted entity\'s Latin-script name as a candidate again', () => {
    const after = rematchEntities(doc, matcherAfter({ kind: 'entity.delete', id: 'alipay' }));
    expect(after.mentions!.some((m) => m.entity === 'alipay')).toBe(false);
    expect(after.candidates!.map((c) => c.text)).toContain('Alipay');
  });
});
