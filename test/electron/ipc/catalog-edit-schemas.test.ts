/** The IPC door for catalog edits: what the renderer may send to change the entity catalog, and what it may not. */
import { describe, expect, it } from 'vitest';
import { callSchemas } from '../../../shared/ipc/schemas';
import { dispatch } from '../../../electron/ipc/dispatch';
import type { Handlers } from '../../../shared/ipc/contract';

const apply = (op: unknown) => callSchemas['edit:apply'].safeParse({ op });
const accepted = (op: unknown) => apply(op).success;
const reason = (op: unknown) => {
  const r = apply(op);
  return r.success ? null : r.error.issues.map((i) => i.message).join('; ');
};

describe('edit:apply accepts catalog edits', () => {
  it('takes each kind of catalog edit in its plain form', () => {
    expect(accepted({ kind: 'entity.add', name: 'Zhao Zhiju', type: 'PERSON', aliases: ['تشاو تشيجو'] })).toBe(true);
    expect(accepted({ kind: 'entity.add', id: 'zhao-zhiju', name: 'Zhao Zhiju', type: 'PERSON' })).toBe(true);
    expect(accepted({ kind: 'entity.update', id: 'ant-financial', name: 'Ant Group' })).toBe(true);
    expect(accepted({ kind: 'entity.update', id: 'alipay', type: 'OTHER' })).toBe(true);
    expect(accepted({ kind: 'entity.alias', id: 'alipay', add: ['Zhifubao'], remove: ['أليباي'] })).toBe(true);
    expect(accepted({ kind: 'entity.merge', into: 'ant-financial', from: ['alipay'] })).toBe(true);
    expect(accepted({ kind: 'entity.delete', id: 'jack-ma' })).toBe(true);
    expect(accepted({ kind: 'candidate.dismiss', key: 'qiuwan', text: 'Qiuwan' })).toBe(true);
  });

  it('trims names, so "  Ant Group " is stored as typed without the spaces', () => {
    const r = apply({ kind: 'entity.update', id: 'ant-financial', name: '  Ant Group ' });
    expect(r.success && r.data.op).toEqual({ kind: 'entity.update', id: 'ant-financial', name: 'Ant Group' });
  });

  it('refuses malformed catalog edits with a readable reason', () => {
    expect(reason({ kind: 'entity.add', name: '   ', type: 'ORG' })).toMatch(/empty/);
    expect(reason({ kind: 'entity.add', name: 'X', type: 'COMPANY' })).not.toBeNull();
    expect(reason({ kind: 'entity.add', id: 'Bad Id', name: 'X', type: 'ORG' })).toMatch(/lower-case/);
    expect(reason({ kind: 'entity.update', id: 'alipay' })).toMatch(/new name or type/);
    expect(reason({ kind: 'entity.alias', id: 'alipay', add: [] })).toMatch(/aliases to add or remove/);
    expect(reason({ kind: 'entity.merge', into: 'ant-financial', from: [] })).not.toBeNull();
    expect(reason({ kind: 'entity.delete', id: 'alipay', cascade: true })).not.toBeNull(); // strict: no unknown fields
    expect(reason({ kind: 'entity.add', name: 'x'.repeat(201), type: 'ORG' })).not.toBeNull();
    expect(reason({ kind: 'entity.rename', id: 'alipay', name: 'y' })).not.toBeNull();
  });

  it('lists the catalog with no arguments only', () => {
    expect(callSchemas['entities:list'].safeParse({}).success).toBe(true);
    expect(callSchemas['entities:list'].safeParse({ all: true }).success).toBe(false);
  });

  it('answers a malformed catalog edit with bad-request before any handler runs', async () => {
    let ran = false;
    const handlers = { 'edit:apply': async () => ((ran = true), { seq: 1, history: { canUndo: true, canRedo: false, edits: 1 } }) } as unknown as Handlers;
    expect(await dispatch(handlers, 'edit:apply', { op: { kind: 'entity.merge', into: 'a', from: ['a', 'B!'] } })).toMatchObject({ ok: false, code: 'bad-request' });
    expect(ran).toBe(false);
  });
});
