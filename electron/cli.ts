/**
 * The command line of interfaces.md §1. A thin shell: every command calls the same modules the app uses.
 * Exit codes: 0 done (even with per-file problems), 2 bad arguments or unusable input, 1 internal failure.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createAppServices } from './app-services';
import { appRoot, bundledCorpusDir, defaultUserDataDir } from './app-paths';
import { AnnotationCancelledError, annotateCorpus, CorpusInputError } from './corpus/annotate-corpus';
import { SetDateError, setPublicationDate } from './corpus/set-date';
import { ManifestError } from './corpus/manifest';
import { exportData, filterExport } from './export/data';
import { ChromiumNotFoundError, exportPrint } from './export/print';
import { eventFiltersSchema, MAX_SCALE, MIN_SCALE, parsePrintOptions } from '../shared/print-options';
import { startServer } from './serve/server';
import { ensureRendererBuilt } from './serve/ensure-renderer';
import { openStore } from './store/database';
import { StoreReadError } from './store/durable-json-file';
import { Repository } from './store/repository';
import { StoreLockedError } from './store/store-lock';
import { UserStore } from './store/user-store';
import { tagJsonLines } from './tag-jsonl';
import { dispatch } from './ipc/dispatch';
import { ENTITY_TYPES, foldName } from '../shared/catalog';
import type { EditOp } from '../shared/edits';
import type { EntityType } from '../shared/model';

class UsageError extends Error {}
/** The command was well formed but what it asked cannot be done (an edit the catalog refuses): exit 2, no usage. */
class RefusedError extends Error {}

const USAGE = `Usage:
  cli annotate <corpus-dir> --store <store.json> [--manifest <file.csv>] [--jobs N] [--max-mb N] [--timeout-s N]
  cli set-date <store.json> <file-or-doc-id> <YYYY[-MM[-DD]]|none>
  cli export <store.json> --format json|csv|timelinejs [--out FILE] [filters]
  cli export <store.json> --format pdf|png --out FILE [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--scale 1-4]
             [--paper A4|Letter] [--orientation portrait|landscape] [--split year|fit] [--title T] [filters]
      filters: [--query TEXT] [--docs ID,ID] [--langs ar,de,fr,en] [--entities ID,ID] [--certainty stated,inferred,uncertain] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
  cli entities list <store.json> [--candidates] [--json]
  cli entities add <store.json> <name> --type ORG|PERSON|PLACE|OTHER [--alias A]...
  cli entities alias <store.json> <id> <alias>... [--remove]
  cli entities rename <store.json> <id> <new name> [--type ORG|PERSON|PLACE|OTHER]
  cli entities merge <store.json> <into-id> <from-id>...
  cli entities delete <store.json> <id>
  cli entities dismiss <store.json> <suggested name>
  cli tag --jsonl < requests.jsonl > answers.jsonl
  cli serve [--store <store.json>] [--port N]
Exit codes: 0 done (even with per-file problems), 2 bad arguments or unusable input, 1 internal failure,
130 annotation stopped with Ctrl+C (the store keeps what it held).`;

const err = (s: string): void => void process.stderr.write(`${s}\n`);

function positiveNumber(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number, got "${v}"`);
  return n;
}

function positiveInt(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--${name} must be a whole number, got "${v}"`);
  return n;
}

async function requireDir(dir: string): Promise<void> {
  const st = await stat(dir).catch(() => null);
  if (!st?.isDirectory()) throw new UsageError(`corpus folder not found: ${dir}`);
}

async function cmdAnnotate(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { store: { type: 'string' }, manifest: { type: 'string' }, jobs: { type: 'string' }, 'max-mb': { type: 'string' }, 'timeout-s': { type: 'string' } },
  });
  const dir = positionals[0];
  if (!dir || positionals.length > 1) throw new UsageError('annotate takes one corpus folder');
  if (!values.store) throw new UsageError('annotate needs --store <store.json>');
  const jobs = positiveInt(values.jobs, 'jobs');
  const maxMb = positiveNumber(values['max-mb'], 'max-mb');
  const timeoutS = positiveNumber(values['timeout-s'], 'timeout-s');
  await requireDir(dir);
  if (values.manifest && !(await stat(values.manifest).catch(() => null))?.isFile()) throw new UsageError(`manifest not found: ${values.manifest}`);
  const store = await openStore(values.store);
  // The researcher's edits (read only): the entity catalog they edited is the one documents are matched with.
  const user = await UserStore.open(values.store, { readOnly: true }).catch(async (e: unknown) => {
    await store.close();
    throw e;
  });
  // Ctrl+C stops the run cleanly (the store keeps what it held); a second one quits at once.
  const abort = new AbortController();
  // Under `npm run` / tsx one Ctrl+C arrives twice (the terminal's and the wrapper's relay): a repeat within a second
  // is the same keypress.
  let interruptedAt = 0;
  const onInterrupt = (): void => {
    const now = Date.now();
    if (abort.signal.aborted) {
      if (now - interruptedAt > 1000) process.exit(130);
      return;
    }
    interruptedAt = now;
    err('stopping: the store keeps what it held before this run (Ctrl+C again to quit at once)');
    abort.abort();
  };
  process.on('SIGINT', onInterrupt);
  try {
    const repo = new Repository(store, user);
    const summary = await annotateCorpus(dir, repo, {
      signal: abort.signal,
      ...(values.manifest ? { manifestFile: values.manifest } : {}),
      ...(jobs !== undefined ? { jobs } : {}),
      ...(maxMb !== undefined ? { maxBytes: Math.round(maxMb * 1024 * 1024) } : {}),
      ...(timeoutS !== undefined ? { timeoutMs: Math.round(timeoutS * 1000) } : {}),
      onProgress: (p) => {
        if (p.phase === 'annotate' && p.file) err(`[${p.done}/${p.total}] ${p.file}`);
      },
    });
    for (const p of summary.problems) err(`problem: ${p.file}: ${p.code}: ${p.message}`);
    process.stdout.write(
      `annotated ${summary.documents} documents (${summary.annotated} new, ${summary.reused} unchanged) → ${summary.events} events, ${summary.timexes} time expressions, ${summary.problems.length} problems in ${summary.ms} ms → ${store.file}\n`,
    );
  } finally {
    process.off('SIGINT', onInterrupt);
    await user.close();
    await store.close();
  }
}

const ENTITY_TYPES_TEXT = ENTITY_TYPES.join('|');
function entityType(v: string | undefined, required: boolean): EntityType | undefined {
  if (v === undefined) {
    if (required) throw new UsageError(`--type ${ENTITY_TYPES_TEXT} is required`);
    return undefined;
  }
  const t = v.toUpperCase();
  if (!(ENTITY_TYPES as readonly string[]).includes(t)) throw new UsageError(`--type must be ${ENTITY_TYPES_TEXT}, got "${v}"`);
  return t as EntityType;
}

/**
 * `entities`: the catalog as the app's entity panel shows and edits it, through the same services (the edit is
 * recorded in the edits file and the documents it touches are matched again before the command returns).
 */
async function cmdEntities(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { type: { type: 'string' }, alias: { type: 'string', multiple: true }, remove: { type: 'boolean' }, candidates: { type: 'boolean' }, json: { type: 'boolean' } },
  });
  const [sub, storeFile, ...rest] = positionals;
  const subs = ['list', 'add', 'alias', 'rename', 'merge', 'delete', 'dismiss'];
  if (!sub || !subs.includes(sub)) throw new UsageError(`entities takes one of ${subs.join(', ')}`);
  if (!storeFile) throw new UsageError(`entities ${sub} needs a store file`);
  if (!(await stat(storeFile).catch(() => null))?.isFile()) throw new UsageError(`store not found: ${storeFile}`);
  let op: EditOp | null = null;
  const need = (n: number, what: string): void => {
    if (rest.length < n) throw new UsageError(`entities ${sub} needs ${what}`);
  };
  switch (sub) {
    case 'add':
      need(1, 'a name');
      if (rest.length > 1) throw new UsageError('entities add takes one name (quote it); give more names with --alias');
      op = { kind: 'entity.add', name: rest[0]!, type: entityType(values.type, true)!, aliases: values.alias ?? [] };
      break;
    case 'alias':
      need(2, 'an entity id and at least one alias');
      op = { kind: 'entity.alias', id: rest[0]!, ...(values.remove ? { remove: rest.slice(1) } : { add: rest.slice(1) }) };
      break;
    case 'rename': {
      need(1, 'an entity id');
      const type = entityType(values.type, false);
      if (rest.length < 2 && !type) throw new UsageError('entities rename needs a new name or --type');
      op = { kind: 'entity.update', id: rest[0]!, ...(rest[1] !== undefined ? { name: rest.slice(1).join(' ') } : {}), ...(type ? { type } : {}) };
      break;
    }
    case 'merge':
      need(2, 'the id to keep and at least one id to merge into it');
      op = { kind: 'entity.merge', into: rest[0]!, from: rest.slice(1) };
      break;
    case 'delete':
      need(1, 'an entity id');
      op = { kind: 'entity.delete', id: rest[0]! };
      break;
    case 'dismiss':
      need(1, 'the suggested name');
      op = { kind: 'candidate.dismiss', key: foldName(rest.join(' ')), text: rest.join(' ') };
      break;
  }
  const services = await createAppServices({ storeFile, ...(op ? {} : { readOnly: true }) });
  try {
    await services.ready;
    if (op) {
      const r = await dispatch(services.handlers, 'edit:apply', { op });
      if (!r.ok) throw r.code === 'internal' ? new Error(r.message) : new RefusedError(`${sub}: ${r.message}`);
    }
    const view = await services.handlers['entities:list']({});
    if (values.json) {
      process.stdout.write(`${JSON.stringify(values.candidates ? view.candidates : view.entities, null, 2)}\n`);
      return;
    }
    if (op) {
      const id = op.kind === 'entity.add' ? view.entities.find((e) => e.name === op.name)?.id : 'id' in op ? op.id : op.kind === 'entity.merge' ? op.into : null;
      const e = id ? view.entities.find((x) => x.id === id) : undefined;
      process.stdout.write(e ? `${e.id}\t${e.type}\t${e.name}\t${e.events} events\t${e.aliases.join(' | ')}\n` : `${sub}: done\n`);
      return;
    }
    if (values.candidates) for (const c of view.candidates) process.stdout.write(`${c.count}\t${c.documents} docs\t${c.kind}\t${c.text}\n`);
    else for (const e of view.entities) process.stdout.write(`${e.id}\t${e.type}\t${e.name}\t${e.mentions} mentions\t${e.events} events${e.origin === 'user' ? '\tadded' : e.edited ? '\tedited' : ''}\n`);
    for (const o of view.orphaned) err(`not applied: edit #${o.edit.seq} (${o.edit.op.kind}): ${o.reason}`);
  } finally {
    await services.close();
  }
}

async function cmdSetDate(argv: string[]): Promise<void> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
  const [storeFile, ref, date] = positionals;
  if (!storeFile || !ref || !date || positionals.length > 3) throw new UsageError('set-date takes a store file, a file or document id, and a date (YYYY[-MM[-DD]] or none)');
  if (!(await stat(storeFile).catch(() => null))?.isFile()) throw new UsageError(`store not found: ${storeFile}`);
  const store = await openStore(storeFile);
  try {
    const summary = await setPublicationDate(new Repository(store), ref, date === 'none' ? null : date);
    if (summary) {
      const p = summary.published;
      process.stdout.write(`${summary.file}: published ${p.value ?? 'unknown'} (${p.source}, ${p.certainty}); ${summary.eventCount} events\n`);
    } else process.stdout.write(`${ref}: ${date === 'none' ? 'user date removed' : `user date ${date} kept`}; the file is not annotated now, the date applies when it is\n`);
  } catch (e) {
    if (e instanceof SetDateError) throw new UsageError(e.message);
    throw e;
  } finally {
    await store.close();
  }
}

function exportOptions(values: Record<string, string | undefined>): Record<string, unknown> {
  const list = (v: string | undefined): string[] | undefined => v?.split(',').map((x) => x.trim()).filter(Boolean);
  const raw: Record<string, unknown> = { from: values.from, to: values.to, q: values.query, docs: list(values.docs), langs: list(values.langs), entities: list(values.entities), certainty: list(values.certainty) };
  for (const k of Object.keys(raw)) if (raw[k] === undefined) delete raw[k];
  return raw;
}

async function cmdExport(argv: string[]): Promise<void> {
  const str = { type: 'string' } as const;
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: str, out: str, from: str, to: str, scale: str, paper: str, orientation: str, split: str, query: str, docs: str, langs: str, entities: str, certainty: str, title: str },
  });
  const storeFile = positionals[0];
  if (!storeFile || positionals.length > 1) throw new UsageError('export takes one store file');
  const format = values.format;
  if (format !== 'json' && format !== 'csv' && format !== 'timelinejs' && format !== 'pdf' && format !== 'png') throw new UsageError('--format must be json, csv, timelinejs, pdf or png');
  if (format === 'pdf' || format === 'png') {
    if (!values.out) throw new UsageError(`--format ${format} needs --out FILE`);
    const scale = values.scale === undefined ? undefined : Number(values.scale);
    if (scale !== undefined && (!Number.isFinite(scale) || scale < MIN_SCALE || scale > MAX_SCALE)) throw new UsageError(`--scale must be a number from ${MIN_SCALE} to ${MAX_SCALE}, got "${values.scale}"`);
    const parsed = parsePrintOptions({
      ...exportOptions(values),
      ...(scale !== undefined ? { scale } : {}),
      ...(values.paper ? { paper: values.paper } : {}),
      ...(values.orientation ? { orientation: values.orientation } : {}),
      ...(values.split ? { split: values.split } : {}),
      ...(values.title ? { title: values.title } : {}),
    });
    if (!parsed.ok) throw new UsageError(`bad export options: ${parsed.message}`);
    if (!(await stat(storeFile).catch(() => null))?.isFile()) throw new UsageError(`store not found: ${storeFile}`);
    const r = await exportPrint({ storeFile, format, out: values.out, options: parsed.value, root: appRoot(), log: err });
    err(`wrote ${values.out} (${r.bytes} bytes, ${r.events} events, ${r.ms.total} ms)`);
    return;
  }
  if (values.scale || values.paper || values.orientation || values.split || values.title) throw new UsageError('--scale, --paper, --orientation, --split and --title apply to --format pdf|png only');
  const filters = eventFiltersSchema.safeParse(exportOptions(values));
  if (!filters.success) throw new UsageError(`bad filters: ${filters.error.issues.map((i) => `${i.path.join('.') || 'filters'}: ${i.message}`).join('; ')}`);
  if (!(await stat(storeFile).catch(() => null))?.isFile()) throw new UsageError(`store not found: ${storeFile}`);
  // Exports never write: opened read-only, so they work while the app has the store open.
  const store = await openStore(storeFile, { readOnly: true });
  const user = await UserStore.open(storeFile, { readOnly: true }).catch(async (e: unknown) => {
    await store.close();
    throw e;
  });
  try {
    const out = exportData(filterExport(new Repository(store, user).eventsExport(), filters.data), format);
    if (values.out) {
      await mkdir(path.dirname(path.resolve(values.out)), { recursive: true });
      await writeFile(values.out, out.text);
      err(`wrote ${values.out}`);
    } else process.stdout.write(out.text);
  } finally {
    await user.close();
    await store.close();
  }
}

async function cmdServe(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { store: { type: 'string' }, port: { type: 'string' } } });
  const port = positiveInt(values.port, 'port') ?? 0;
  const root = appRoot();
  const staticDir = await ensureRendererBuilt(root, err);
  const storeFile = values.store ?? path.join(defaultUserDataDir(), 'store.json');
  const services = await createAppServices({ storeFile, defaultCorpusDir: bundledCorpusDir(root) });
  const server = await startServer({ services, staticDir, port, prepareOverview: true });
  process.stdout.write(`${server.url}\n`);
  err(`serving ${storeFile} on 127.0.0.1 only; press Ctrl+C to stop`);
  const stop = async (): Promise<void> => {
    await server.close();
    await services.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'annotate':
        await cmdAnnotate(rest);
        return 0;
      case 'export':
        await cmdExport(rest);
        return 0;
      case 'set-date':
        await cmdSetDate(rest);
        return 0;
      case 'entities':
        await cmdEntities(rest);
        return 0;
      case 'tag':
        if (!rest.includes('--jsonl')) throw new UsageError('tag needs --jsonl');
        await tagJsonLines(process.stdin, process.stdout);
        return 0;
      case 'serve':
        await cmdServe(rest);
        return -1; // keeps running
      case undefined:
      case '--help':
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return cmd === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${cmd}"`);
    }
  } catch (e) {
    if (e instanceof AnnotationCancelledError) {
      err(`chronolens: ${e.message}`);
      return 130;
    }
    if (e instanceof UsageError || e instanceof RefusedError || e instanceof CorpusInputError || e instanceof ManifestError || e instanceof StoreReadError || e instanceof StoreLockedError || e instanceof ChromiumNotFoundError) {
      err(`chronolens: ${e.message}`);
      if (e instanceof UsageError) err(USAGE);
      return 2;
    }
    if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err(`chronolens: ${(e as Error).message}\n${USAGE}`);
      return 2;
    }
    err(`chronolens: internal error: ${(e as Error).stack ?? String(e)}`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  if (code >= 0) process.exitCode = code;
});
