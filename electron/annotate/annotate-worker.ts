/** Worker thread entry: annotates one corpus file per task (see worker-pool.ts and corpus/annotate-file.ts). */
import { annotateFile } from '../corpus/annotate-file';
import { serveTasks } from './worker-pool';

serveTasks(annotateFile);
