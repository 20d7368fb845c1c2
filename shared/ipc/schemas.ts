/** Argument schemas: the main process parses every call's arguments with these before any work. */
import { z } from 'zod';
import type { EditOp } from '../edits';
import type { CallChannel } from './contract';
import { eventFilterShape, PRINT_FORMATS, printOptionsSchema, rangeInOrder } from '../print-options';

const empty = z.object({}).strict();

const isoValue = z.string().min(1).max(40).regex(/^(?:[\dX]{3,4}(?:-[\dX]{2}(?:-[\dX]{2})?|-W\d{2}|-Q[1-4]|-H[12]|-(?:SP|SU|FA|WI))?(?:T\d{2}:\d{2})?|P[\dXYMWDTHS.]+|PRESENT_REF|PAST_REF|FUTURE_REF)$/, 'not a TIMEX value');
const anchor = z.object({ doc: z.string().min(1).max(200), start: z.number().int().min(0), end: z.number().int().min(0), text: z.string().min(1).max(20_000), part: z.number().int().min(1).optional() }).strict().refine((a) => a.end > a.start, 'end must be after start');
const datePatch = z.object({ value: isoValue, mod: z.enum(['START', 'MID', 'END', 'APPROX', 'BEFORE', 'AFTER']).nullable().optional(), certainty: z.enum(['stated', 'inferred', 'uncertain']) }).strict();
const text = (max: number) => z.string().max(max);
const entityId = z.string().max(100).regex(/^[a-z0-9][a-z0-9-]*$/, 'entity ids are lower-case letters, digits and dashes');
const entityName = z.string().trim().min(1, 'a name cannot be empty').max(200);
const entityType = z.enum(['ORG', 'PERSON', 'PLACE', 'OTHER']);

export const editOpSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('event.update'), target: anchor, patch: z.object({ date: datePatch.optional(), label: text(500).optional(), note: text(20_000).optional(), tags: z.array(text(100)).max(100).optional(), hidden: z.boolean().optional() }).strict() }).strict(),
  z.object({ kind: z.literal('event.add'), anchor, date: datePatch, label: text(500), note: text(20_000).optional() }).strict(),
  z.object({ kind: z.literal('event.delete'), target: anchor }).strict(),
  z.object({ kind: z.literal('event.merge'), targets: z.array(anchor).min(2).max(100) }).strict(),
  z.object({ kind: z.literal('event.split'), merge: z.number().int().min(1) }).strict(),
  z.object({ kind: z.literal('link.decide'), a: anchor, b: anchor, accept: z.boolean() }).strict(),
  z.object({ kind: z.literal('entity.add'), id: entityId.optional(), name: entityName, type: entityType, aliases: z.array(entityName).max(200).optional() }).strict(),
  z.object({ kind: z.literal('entity.update'), id: entityId, name: entityName.optional(), type: entityType.optional() }).strict().refine((o) => o.name !== undefined || o.type !== undefined, 'give a new name or type'),
  z.object({ kind: z.literal('entity.alias'), id: entityId, add: z.array(entityName).max(200).optional(), remove: z.array(entityName).max(200).optional() }).strict().refine((o) => (o.add?.length ?? 0) + (o.remove?.length ?? 0) > 0, 'give aliases to add or remove'),
  z.object({ kind: z.literal('entity.merge'), into: entityId, from: z.array(entityId).min(1).max(100) }).strict(),
  z.object({ kind: z.literal('entity.delete'), id: entityId }).strict(),
  z.object({ kind: z.literal('candidate.dismiss'), key: z.string().min(1).max(500), text: z.string().min(1).max(500) }).strict(),
]);

export const callSchemas = {
  'app:status': empty,
  'timeline:load': empty,
  'document:get': z.object({ id: z.string().min(1).max(200) }).strict(),
  'timeline:overview': empty,
  'event:get': z.object({ id: z.string().min(1).max(200) }).strict(),
  'events:search': z.object({ query: z.string().max(1000) }).strict(),
  'corpus:reannotate': empty,
  'corpus:cancel': empty,
  'export:data': z.object({ format: z.enum(['json', 'csv', 'timelinejs']), ...eventFilterShape }).strict().refine(...rangeInOrder),
  'export:print': z.object({ format: z.enum(PRINT_FORMATS), options: printOptionsSchema }).strict(),
  'export:print-data': z.object(eventFilterShape).strict().refine(...rangeInOrder),
  'document:set-date': z.object({ id: z.string().min(1).max(200), published: z.string().regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD').nullable() }).strict(),
  'edit:apply': z.object({ op: editOpSchema }).strict(),
  'edit:undo': empty,
  'edit:redo': empty,
  'entities:list': empty,
} satisfies Record<CallChannel, z.ZodType>;

// The schema and the model's EditOp must describe the same thing: this fails to compile if they drift apart.
export const parsedOpIsEditOp = (op: z.infer<typeof editOpSchema>): EditOp => op;
