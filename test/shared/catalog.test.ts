import { describe, expect, it } from 'vitest';
import { applyCatalogEdits, foldName, newEntityId, type Catalog } from '../../shared/catalog';
import type { Edit, EditOp } from '../../shared/edits';

const BASE: Catalog = {
  format: 'chronolens.entities/1',
  entities: [
    { id: 'ant-financial', name: 'Ant Financial', type: 'ORG', aliases: ['Ant Group', 'آنت فاينانشيال', { text: 'Ant', caseSensitive: true }] },
    { id: 'alipay', name: 'Alipay', type: 'ORG', aliases: ['علي باي'] },
    { id: 'jack-ma', name: 'Jack Ma', type: 'PERSON', aliases: ['جاك ما'] },
  ],
};

let seq = 0;
const edit = (op: EditOp, undone = false): Edit => ({ seq: ++seq, at: '2026-01-01T00:00:00Z', op, ...(undone ? { undone } : {}) });
const entity = (state: ReturnType<typeof applyCatalogEdits>, id: string) => state.catalog.entities.find((e) => e.id === id);

describe('applyCatalogEdits', () => {
  it('adds an entity with its aliases, dropping an alias that repeats its name', () => {
    const s = applyCatalogEdits(BASE, [edit({ kind: 'entity.add', id: 'zhao-zhiju', name: 'Zhao Zhiju', type: 'PERSON', aliases: ['تشاو تشيجو', 'zhao zhiju'] })]);
    expect(entity(s, 'zhao-zhiju')).toEqual({ id: 'zhao-zhiju', name: 'Zhao Zhiju', type: 'PERSON', aliases: ['تشاو تشيجو'] });
    expect([...s.added]).toEqual(['zhao-zhiju']);
    expect(s.orphaned).toEqual([]);
  });

  it('refuses a name that already belongs to another entity, keeping the edit as orphaned with the reason', () => {
    const e = edit({ kind: 'entity.add', id: 'ant-2', name: 'Ant Group Holdings', type: 'ORG', aliases: ['ant group'] });
    const s = applyCatalogEdits(BASE, [e]);
    expect(entity(s, 'ant-2')).toBeUndefined();
    expect(s.orphaned).toEqual([{ edit: e, reason: '“ant group” already names Ant Financial (ant-financial)' }]);
  });

  it('renames an entity and keeps the old name as an alias, so the text it matched still matches', () => {
    const s = applyCatalogEdits(BASE, [edit({ kind: 'entity.update', id: 'ant-financial', name: 'Ant Group', type: 'ORG' })]);
    expect(entity(s, 'ant-financial')).toMatchObject({ name: 'Ant Group', aliases: ['آنت فاينانشيال', { text: 'Ant', caseSensitive: true }, 'Ant Financial'] });
    expect([...s.changed]).toEqual(['ant-financial']);
  });

  it('changes the type alone', () => {
    expect(entity(applyCatalogEdits(BASE, [edit({ kind: 'entity.update', id: 'alipay', type: 'OTHER' })]), 'alipay')).toMatchObject({ name: 'Alipay', type: 'OTHER' });
  });

  it('adds and removes aliases; removing one that is not there is orphaned', () => {
    const s = applyCatalogEdits(BASE, [edit({ kind: 'entity.alias', id: 'alipay', add: ['أليباي', 'AliPayHK'], remove: ['علي باي'] })]);
    expect(entity(s, 'alipay')!.aliases).toEqual(['أليباي', 'AliPayHK']);
    const bad = edit({ kind: 'entity.alias', id: 'alipay', remove: ['Zhifubao'] });
    expect(applyCatalogEdits(BASE, [bad]).orphaned).toEqual([{ edit: bad, reason: '“Zhifubao” is not an alias of Alipay' }]);
  });

  it('merges entities: their names and aliases join the survivor, their ids go, and the merge is remembered', () => {
    const s = applyCatalogEdits(BASE, [edit({ kind: 'entity.merge', into: 'ant-financial', from: ['alipay'] })]);
    expect(entity(s, 'alipay')).toBeUndefined();
    expect(entity(s, 'ant-financial')!.aliases).toEqual(['Ant Group', 'آنت فاينانشيال', { text: 'Ant', caseSensitive: true }, 'Alipay', 'علي باي']);
    expect(s.mergedInto.get('alipay')).toBe('ant-financial');
    const self = edit({ kind: 'entity.merge', into: 'alipay', from: ['alipay'] });
    expect(applyCatalogEdits(BASE, [self]).orphaned[0]!.reason).toMatch(/itself/);
  });

  it('deletes an entity; a later edit of it is orphaned, not dropped', () => {
    const del = edit({ kind: 'entity.delete', id: 'jack-ma' });
    const later = edit({ kind: 'entity.alias', id: 'jack-ma', add: ['Ma Yun'] });
    const s = applyCatalogEdits(BASE, [del, later]);
    expect(entity(s, 'jack-ma')).toBeUndefined();
    expect(s.orphaned).toEqual([{ edit: later, reason: 'there is no entity jack-ma in the catalog' }]);
  });

  it('skips undone edits, so Undo of a merge gives both entities back', () => {
    const s = applyCatalogEdits(BASE, [edit({ kind: 'entity.merge', into: 'ant-financial', from: ['alipay'] }, true)]);
    expect(s.catalog.entities.map((e) => e.id)).toEqual(['ant-financial', 'alipay', 'jack-ma']);
  });

  it('remembers dismissed suggestions by their folded key', () => {
    const s = applyCatalogEdits(BASE, [edit({ kind: 'candidate.dismiss', key: 'qiuwan', text: 'Qiuwan' })]);
    expect([...s.dismissed]).toEqual([['qiuwan', 'Qiuwan']]);
  });

  it('ignores event edits and never changes the catalog it was given', () => {
    const before = JSON.stringify(BASE);
    applyCatalogEdits(BASE, [edit({ kind: 'entity.alias', id: 'alipay', add: ['x'] }), edit({ kind: 'entity.delete', id: 'jack-ma' }), edit({ kind: 'event.delete', target: { doc: 'd', start: 0, end: 1, text: 'x' } })]);
    expect(JSON.stringify(BASE)).toBe(before);
  });
});

describe('names', () => {
  it('folds case, diacritics and Arabic spelling variants for comparison', () => {
    expect(foldName('  Société  Générale ')).toBe(foldName('societe generale'));
    expect(foldName('أليباي')).toBe(foldName('اليباي'));
    expect(foldName('شركة')).toBe(foldName('شركه'));
  });

  it('makes readable unique ids, and a numbered one for a name without Latin letters', () => {
    expect(newEntityId('Zhao Zhiju', new Set())).toBe('zhao-zhiju');
    expect(newEntityId('Société Générale', new Set(['societe-generale']))).toBe('societe-generale-2');
    expect(newEntityId('تشاو تشيجو', new Set(['entity-2']))).toBe('entity-3');
  });
});
