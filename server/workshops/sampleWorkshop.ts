import fs from 'node:fs';
import * as Y from 'yjs';
import { isCardStatus } from '../../shared/cardSchema.js';
import { isColumnId } from '../../shared/columns.js';
import { addArgument, setStepFields, setSupport } from '../../shared/cardDetails.js';
import { getCards } from '../../shared/cardSchema.js';
import type { CardOrigin } from '../../shared/compare/merge.js';
import { partnerMapName } from '../../shared/docName.js';
import type { PartnerId } from '../../shared/ids.js';
import { createCard } from '../../shared/ops.js';
import { SEED } from '../../shared/origins.js';
import { isFlow, type Flow } from '../../shared/permissions.js';

/**
 * Reads the sample workshop file (a neutral format kept beside the project, not inside it) and maps it
 * onto our schema. Returns null when the file is absent or unreadable, which hides the demo button.
 */
export interface SampleCard {
  column: string;
  text: string;
  status?: string;
  author?: string;
  who?: string;
  when?: string;
  origins?: string[];
  supporters?: string[];
  arguments?: { kind?: string; by?: string; text?: string }[];
}

export interface SampleWorkshop {
  title: string;
  flow: Flow;
  partners: { id: string; name: string }[];
  participants: { id: string; name: string; partner: string }[];
  partnerMaps: Record<string, SampleCard[]>;
  jointMap: SampleCard[];
}

export function readSampleWorkshop(file: string | null): SampleWorkshop | null {
  if (!file || !fs.existsSync(file)) return null;
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (typeof raw.title !== 'string' || !Array.isArray(raw.partners)) return null;
    return {
      title: raw.title,
      flow: isFlow(raw.flow) ? raw.flow : 'joint',
      partners: raw.partners,
      participants: Array.isArray(raw.participants) ? raw.participants : [],
      partnerMaps: raw.partnerMaps ?? {},
      jointMap: Array.isArray(raw.jointMap) ? raw.jointMap : [],
    };
  } catch {
    return null;
  }
}

/** Fill a map document with sample cards; `partnerOf` maps the sample's partner ids to ours. */
export function seedMap(
  cards: SampleCard[],
  sample: SampleWorkshop,
  partnerOf: (samplePartnerId: string) => string,
): Uint8Array {
  const doc = new Y.Doc();
  const people = new Map(sample.participants.map((p) => [p.id, p]));
  const baseTime = Date.now();
  cards.forEach((card, i) => {
    if (!isColumnId(card.column) || typeof card.text !== 'string') return;
    const author = card.author ? people.get(card.author) : undefined;
    const id = createCard(
      doc,
      {
        column: card.column,
        text: card.text,
        author: '',
        authorName: author?.name ?? '',
        partner: (author ? partnerOf(author.partner) : '') as never,
        status: isCardStatus(card.status) ? card.status : 'open',
        createdAt: baseTime + i,
      },
      SEED,
    );
    if (card.who || card.when) {
      // The sample gives who and when; the step's own text is the what.
      setStepFields(doc, id, { who: card.who ?? '', what: card.text, when: card.when ?? '' }, SEED);
    }
    for (const personId of card.supporters ?? []) {
      const p = people.get(personId);
      if (p) setSupport(doc, id, { id: p.id as never, name: p.name, partner: partnerOf(p.partner) as never }, true, SEED);
    }
    for (const a of card.arguments ?? []) {
      const p = a.by ? people.get(a.by) : undefined;
      if (typeof a.text !== 'string') continue;
      addArgument(doc, id, a.kind === 'against' ? 'against' : 'for', a.text, { id: (p?.id ?? '') as never, name: p?.name ?? '', partner: (p ? partnerOf(p.partner) : '') as never }, SEED);
    }
    if (card.origins?.length) {
      const origins = new Y.Array<CardOrigin>();
      origins.push(card.origins.map((sampleId) => ({ map: partnerMapName(partnerOf(sampleId) as PartnerId), cardId: '', partner: partnerOf(sampleId), text: '' })));
      doc.transact(() => getCards(doc).get(id)?.set('origins', origins), SEED);
    }
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}
