/** Plain-language lines for an edit: what it said, and which text it was anchored to (for the orphaned list). */
import type { Anchor, Edit } from '../../shared/edits';
import { formatTimex } from '../../shared/timex';

export interface EditDescription {
  /** What the edit did or said, in words. */
  what: string;
  /** The sentences (or selection) it was anchored to. */
  anchors: Anchor[];
}

const quote = (s: string, max = 80): string => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
};

export function describeEdit(edit: Edit): EditDescription {
  const op = edit.op;
  switch (op.kind) {
    case 'event.update': {
      const p = op.patch;
      const parts: string[] = [];
      if (p.date) parts.push(`date → ${formatTimex(p.date.value, p.date.mod ?? undefined)} (${p.date.value}${p.date.mod ? ` ${p.date.mod}` : ''}, ${p.date.certainty})`);
      if (p.label !== undefined) parts.push(`label → ${quote(p.label)}`);
      if (p.note !== undefined) parts.push(p.note ? `note → ${quote(p.note)}` : 'note removed');
      if (p.tags !== undefined) parts.push(p.tags.length ? `tags → ${p.tags.join(', ')}` : 'tags removed');
      if (p.hidden !== undefined) parts.push(p.hidden ? 'hidden' : 'shown again');
      return { what: `Changed ${parts.join('; ') || 'nothing'}`, anchors: [op.target] };
    }
    case 'event.add':
      return { what: `Added the event ${quote(op.label)} on ${formatTimex(op.date.value, op.date.mod ?? undefined)}${op.note ? `, note ${quote(op.note)}` : ''}`, anchors: [op.anchor] };
    case 'event.delete':
      return { what: 'Deleted the event', anchors: [op.target] };
    case 'event.merge':
      return { what: `Merged ${op.targets.length} events into one`, anchors: op.targets };
    case 'event.split':
      return { what: `Split the merge #${op.merge} again`, anchors: [] };
    case 'link.decide':
      return { what: op.accept ? 'Confirmed that two events are the same' : 'Rejected a same-event suggestion', anchors: [op.a, op.b] };
    case 'document.published':
      return { what: op.to ? `Set the publication date to ${op.to}` : 'Cleared the publication date', anchors: [] };
    case 'entity.add':
      return { what: `Added the entity ${quote(op.name)} (${op.type})`, anchors: [] };
    case 'entity.update':
      return { what: `Changed the entity ${op.id}${op.name !== undefined ? `: name → ${quote(op.name)}` : ''}${op.type ? `, type → ${op.type}` : ''}`, anchors: [] };
    case 'entity.alias':
      return { what: `Aliases of ${op.id}${op.add?.length ? `: added ${op.add.map((a) => quote(a)).join(', ')}` : ''}${op.remove?.length ? `; removed ${op.remove.map((a) => quote(a)).join(', ')}` : ''}`, anchors: [] };
    case 'entity.merge':
      return { what: `Merged ${op.from.join(', ')} into ${op.into}`, anchors: [] };
    case 'entity.delete':
      return { what: `Deleted the entity ${op.id}`, anchors: [] };
    case 'candidate.dismiss':
      return { what: `Dismissed the suggested name ${quote(op.text)}`, anchors: [] };
  }
}
