import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../../shared/ipc/contract';
import { ServiceError } from '../../../shared/ipc/result';
import { dispatch } from '../../../electron/ipc/dispatch';
import { packEvents } from '../../../shared/timeline-pack';

const calls: string[] = [];
const handlers: Handlers = {
  'app:status': async () => ({ state: 'ready', storePath: '/s', corpusDir: null, progress: null, error: null, notices: [] }),
  'timeline:load': async () => ({ corpusDir: null, documents: [], events: [], problems: [], orphaned: [], history: { canUndo: false, canRedo: false, edits: 0 } }),
  'timeline:overview': async () => ({ corpusDir: null, documents: [], events: packEvents([]), problems: [], orphaned: [], history: { canUndo: false, canRedo: false, edits: 0 } }),
  'event:get': async ({ id }) => {
    throw new ServiceError('not-found', `no event ${id}`);
  },
  'events:search': async () => ({ ids: [] }),
  'document:get': async ({ id }) => {
    calls.push(id);
    throw new ServiceError('not-found', `no document ${id}`);
  },
  'corpus:reannotate': async () => {
    throw new Error('disk on fire');
  },
  'corpus:cancel': async () => ({ cancelled: false }),
  'export:data': async ({ format }) => ({ fileName: `x.${format}`, mime: 'text/plain', text: '' }),
  'document:set-date': async ({ id, published }) => ({ id, file: 'a.txt', lang: 'en', title: 'A', published: { value: published, source: 'user', certainty: 'stated', evidence: '' }, eventCount: 0, problems: [] }),
  'edit:apply': async () => ({ seq: 1, history: { canUndo: true, canRedo: false, edits: 1 } }),
  'edit:undo': async () => ({ seq: null, history: { canUndo: false, canRedo: false, edits: 0 } }),
  'edit:redo': async () => ({ seq: null, history: { canUndo: false, canRedo: false, edits: 0 } }),
  'export:print': async ({ format }) => ({ fileName: `x.${format}`, bytes: 0 }),
  'export:print-data': async () => ({ documents: [], events: [], totalEvents: 0 }),
  'entities:list': async () => ({ entities: [], candidates: [], dismissed: [], orphaned: [] }),
};

describe('dispatch (the IPC door)', () => {
  it('answers a valid call with ok and the value', async () => {
    expect(await dispatch(handlers, 'export:data', { format: 'csv' })).toEqual({ ok: true, value: { fileName: 'x.csv', mime: 'text/plain', text: '' } });
  });

  it('refuses unknown channels, including prototype names', async () => {
    expect(await dispatch(handlers, 'fs:delete', {})).toMatchObject({ ok: false, code: 'bad-request' });
    expect(await dispatch(handlers, '__proto__', {})).toMatchObject({ ok: false, code: 'bad-request' });
    expect(await dispatch(handlers, 'toString', {})).toMatchObject({ ok: false, code: 'bad-request' });
  });

  it('parses arguments before any work: bad ones never reach the handler', async () => {
    const before = calls.length;
    expect(await dispatch(handlers, 'document:get', { id: 42 })).toMatchObject({ ok: false, code: 'bad-request' });
    expect(await dispatch(handlers, 'document:get', { id: 'a', extra: true })).toMatchObject({ ok: false, code: 'bad-request' });
    expect(await dispatch(handlers, 'export:data', { format: 'exe' })).toMatchObject({ ok: false, code: 'bad-request' });
    expect(calls.length).toBe(before);
  });

  it('turns thrown errors into error data with a stable code', async () => {
    expect(await dispatch(handlers, 'document:get', { id: 'nope' })).toEqual({ ok: false, code: 'not-found', message: 'no document nope' });
    expect(await dispatch(handlers, 'corpus:reannotate', {})).toEqual({ ok: false, code: 'internal', message: 'disk on fire' });
  });
});
