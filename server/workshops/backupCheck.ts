import * as Y from 'yjs';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupFile } from '../../shared/backup.js';
import { NAME_MAX } from '../../shared/card/fields.js';
import { checkCards } from '../../shared/card/validate.js';
import { getCards } from '../../shared/cardSchema.js';
import { stripUnsafeText } from '../../shared/cleanText.js';
import { holdsCards, parseDocName, type DocName } from '../../shared/docName.js';
import { unknownRoots } from '../../shared/docSchema.js';
import type { Partner } from '../../shared/partners.js';
import { isFlow, type Flow } from '../../shared/permissions.js';
import { isParticipantRole } from '../../shared/roles.js';
import { validateNewWorkshop } from '../../shared/validation.js';
import { HttpError } from '../http/respond.js';

/** Bounds of an import (T13): far above any real workshop, far below what stalls the server. */
export const IMPORT_LIMITS = { documents: 2_100, versions: 5_000, participants: 2_000 } as const;
const PARTICIPANT_ID = /^[a-z0-9]{1,40}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const VERSION_KINDS: readonly unknown[] = ['step', 'manual', 'before-restore', 'meeting'];

/**
 * Whether a stored document fits this version: it decodes, holds only the roots its kind may hold
 * (docSchema.ts) and, for maps and drafts, only cards that are valid by the card table. Returns null
 * when it fits, 'damaged' when it does not decode, otherwise what is wrong.
 */
function checkDocumentState(name: DocName, state: Uint8Array): string | null {
  const doc = new Y.Doc();
  try {
    try {
      Y.decodeUpdate(state);
      Y.applyUpdate(doc, state);
    } catch {
      return 'damaged';
    }
    const roots = unknownRoots(doc, name.kind);
    if (roots.length) return `unknown parts ${roots.join(', ')}`;
    if (!holdsCards(name)) return null;
    const problems = checkCards(getCards(doc) as Y.Map<unknown>, name.kind);
    return problems.length
      ? `cards with invalid fields (${[...new Set(problems.map((p) => p.field || 'card'))].join(', ')})`
      : null;
  } finally {
    doc.destroy();
  }
}

/** A backup file checked on its raw values, its documents and versions decoded and checked (T13). */
export interface CheckedBackup {
  title: string;
  partners: Partner[];
  createdAt: unknown;
  flow: Flow;
  participants: { id: string; name: string; partner: string; role: string }[];
  docs: [DocName, Uint8Array][];
  versions: {
    doc: DocName;
    kind: 'step' | 'manual' | 'before-restore' | 'meeting';
    label: string;
    cardCount: number;
    createdAt: number;
    stateBytes: Uint8Array;
  }[];
}

/** What the server's thread learns of a checked backup: its workshop and counts, none of its bytes ([T18]). */
export type BackupSummary = Omit<CheckedBackup, 'docs' | 'versions' | 'participants'> & {
  documents: number;
  versions: number;
};

/**
 * Everything an import checks before anything is written: the file's shape and counts, every raw
 * value, every document and version decoded and checked against its kind. Throws a 400 HttpError.
 * Runs in the import worker (backupWorker.ts), so none of this blocks the event loop.
 */
export function checkBackup(body: unknown, maxDocBytes: number): CheckedBackup {
  const bad = (message: string): never => {
    throw new HttpError(400, 'invalid', message);
  };
  const file = body as Partial<BackupFile> | null;
  if (!file || typeof file !== 'object' || file.format !== BACKUP_FORMAT || file.version !== BACKUP_VERSION) {
    bad('This is not a Partnerschapskaart Live backup file.');
  }
  const ws = file!.workshop;
  if (!ws || typeof ws !== 'object' || !Array.isArray(ws.partners)) bad('The backup has no valid title or partners.');
  const valid = validateNewWorkshop({
    title: ws!.title,
    partners: ws!.partners.map((p) => (p && typeof p === 'object' ? p.name : null)),
  });
  if (!valid.ok || valid.value.partners.length !== ws!.partners.length) {
    throw new HttpError(
      400,
      'invalid',
      'The backup has no valid title or partners.',
      valid.ok ? undefined : valid.errors,
    );
  }
  const partners = ws!.partners.map((p, i) => ({ ...p, name: valid.value.partners[i] }));
  const documents = file!.documents ?? {};
  const versionList = file!.versions ?? [];
  const people = file!.participants ?? [];
  if (typeof documents !== 'object' || Array.isArray(documents)) bad("The backup's documents are not readable.");
  if (!Array.isArray(versionList)) bad("The backup's versions are not a list.");
  if (!Array.isArray(people)) bad("The backup's participants are not a list.");
  if (Object.keys(documents).length > IMPORT_LIMITS.documents)
    bad(`A backup holds at most ${IMPORT_LIMITS.documents} documents.`);
  if (versionList.length > IMPORT_LIMITS.versions) bad(`A backup holds at most ${IMPORT_LIMITS.versions} versions.`);
  if (people.length > IMPORT_LIMITS.participants)
    bad(`A backup holds at most ${IMPORT_LIMITS.participants} participants.`);

  // Participants: raw values checked, ids unique (a duplicate used to fail halfway and leave an orphan).
  const partnerIds = new Set<string>(partners.map((p) => p.id));
  const ids = new Set<string>();
  const imported: { id: string; name: string; partner: string; role: string }[] = [];
  for (const p of people) {
    if (!p || typeof p !== 'object' || p.access !== 'participant') continue;
    const name = typeof p.name === 'string' ? stripUnsafeText(p.name).replace(/\s+/g, ' ').trim() : '';
    if (typeof p.id !== 'string' || !PARTICIPANT_ID.test(p.id) || ids.has(p.id))
      bad('The backup has a participant with a missing or duplicate id.');
    if (!name || name.length > NAME_MAX || !isParticipantRole(p.role) || typeof p.partner !== 'string')
      bad('The backup has a participant with an invalid name, partner or role.');
    ids.add(p.id);
    imported.push({ id: p.id, name, partner: partnerIds.has(p.partner) ? p.partner : '', role: p.role });
  }

  const decode = (data: unknown, name: DocName, what: string): Uint8Array => {
    if (typeof data !== 'string' || data.length % 4 !== 0 || !BASE64.test(data))
      return bad(`${what} in the backup is damaged.`);
    const state = new Uint8Array(Buffer.from(data, 'base64'));
    if (state.byteLength > maxDocBytes) return bad(`${what} in the backup is larger than this server accepts.`);
    const problem = checkDocumentState(name, state);
    if (problem === 'damaged') bad(`${what} in the backup is damaged.`);
    if (problem) bad(`${what} in the backup does not fit this version: ${problem}.`);
    return state;
  };
  const docs: CheckedBackup['docs'] = [];
  for (const [doc, data] of Object.entries(documents)) {
    const parsed = parseDocName(doc);
    if (!parsed) bad(`The backup has an invalid document "${doc.slice(0, 40)}".`);
    docs.push([parsed!, decode(data, parsed!, `The document "${doc}"`)]);
  }
  const versions: CheckedBackup['versions'] = [];
  for (const v of versionList) {
    const doc = v && typeof v === 'object' && typeof v.doc === 'string' ? parseDocName(v.doc) : null;
    if (doc?.kind !== 'map' || !VERSION_KINDS.includes(v.kind)) bad('The backup has an invalid version.');
    versions.push({
      doc: doc!,
      kind: v.kind,
      label: typeof v.label === 'string' ? stripUnsafeText(v.label).slice(0, 80) : '',
      cardCount: Number.isSafeInteger(v.cardCount) && v.cardCount >= 0 ? v.cardCount : 0,
      createdAt: Number.isSafeInteger(v.createdAt) && v.createdAt > 0 ? v.createdAt : Date.now(),
      stateBytes: decode(v.state, doc!, 'A version'),
    });
  }
  return {
    title: valid.value.title,
    partners,
    createdAt: ws!.createdAt,
    flow: isFlow(ws!.flow) ? ws!.flow : 'joint',
    participants: imported,
    docs,
    versions,
  };
}
