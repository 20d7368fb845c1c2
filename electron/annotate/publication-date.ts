/** The publication date and why we believe it: metadata in order of trust (interfaces.md §1). */
import type { Published } from '../../shared/model';
import type { FileMeta } from '../corpus/manifest';
import { dateFromFileName } from '../corpus/manifest';

export interface DateSources {
  manifest?: FileMeta;
  frontMatter?: FileMeta;
  file: string;
}

export function publicationDate(src: DateSources): Published {
  if (src.manifest?.published) {
    return { value: src.manifest.published, source: 'manifest', certainty: 'stated', evidence: `manifest.csv: published = ${src.manifest.published}` };
  }
  if (src.frontMatter?.published) {
    return { value: src.frontMatter.published, source: 'frontmatter', certainty: 'stated', evidence: `front matter: published: ${src.frontMatter.published}` };
  }
  const fromName = dateFromFileName(src.file);
  if (fromName) return { value: fromName, source: 'filename', certainty: 'stated', evidence: `file name starts with ${fromName}` };
  // Never borrow today's date: relative expressions keep their unknown parts as X.
  return { value: null, source: 'none', certainty: 'uncertain', evidence: 'no manifest entry, front matter or dated file name' };
}
