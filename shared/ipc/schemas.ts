/** Argument schemas: the main process parses every call's arguments with these before any work. */
import { z } from 'zod';
import type { CallChannel } from './contract';

const empty = z.object({}).strict();

export const callSchemas = {
  'app:status': empty,
  'timeline:load': empty,
  'document:get': z.object({ id: z.string().min(1).max(200) }).strict(),
  'corpus:reannotate': empty,
  'export:data': z.object({ format: z.enum(['json', 'csv', 'timelinejs']) }).strict(),
} satisfies Record<CallChannel, z.ZodType>;
