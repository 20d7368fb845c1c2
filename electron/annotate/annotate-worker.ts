/**
 * Worker thread entry: annotates one corpus file per task (see worker-pool.ts and corpus/annotate-file.ts) and hands
 * back the document already serialised for the store (store/prepare-document.ts); given the store's folder, it writes
 * the file too, so the main thread only adopts its name.
 */
import { annotateFile, type FileOutcome, type FileTask } from '../corpus/annotate-file';
import { writeDocumentFileSync } from '../store/document-files';
import { prepareDocument } from '../store/prepare-document';
import { serveTasks } from './worker-pool';

serveTasks(async (task: FileTask): Promise<FileOutcome> => {
  const out = await annotateFile(task);
  if (!('doc' in out)) return out;
  const prepared = prepareDocument(out.doc);
  if (!task.docsDir) return { prepared };
  // Written here, in parallel with the other workers: the main thread neither receives the file's JSON nor spends
  // its time creating thousands of files (it only flushes them, in the background).
  const created = writeDocumentFileSync(task.docsDir, prepared.name, prepared.json);
  return { prepared: { ...prepared, json: '', written: created ? 'created' : 'replaced' } };
});
