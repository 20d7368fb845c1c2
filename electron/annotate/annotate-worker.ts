/**
 * Worker thread entry: annotates one corpus file per task (see worker-pool.ts and corpus/annotate-file.ts) and hands
 * back the document already serialised for the store (store/prepare-document.ts), so the main thread only writes it.
 */
import { annotateFile, type FileOutcome, type FileTask } from '../corpus/annotate-file';
import { prepareDocument } from '../store/prepare-document';
import { serveTasks } from './worker-pool';

serveTasks(async (task: FileTask): Promise<FileOutcome> => {
  const out = await annotateFile(task);
  return 'doc' in out ? { prepared: prepareDocument(out.doc) } : out;
});
