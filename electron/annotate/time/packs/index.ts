/** The language packs by language code; adding a language = adding a data file here. */
import type { Lang } from '../../../../shared/model';
import type { LangPack } from '../types';
import { ar } from './ar';
import { de } from './de';
import { en } from './en';
import { fr } from './fr';

export const PACKS: Partial<Record<Lang, LangPack>> = { ar, de, fr, en };
