import type { Partner } from './partners.js';
import type { Flow } from './permissions.js';
import type { MapSnapshot } from './readModel.js';
import type { AccessRole } from './roles.js';

/**
 * A full backup of one workshop: every document as a Yjs update (base64), the saved versions, and a
 * readable copy of the maps for people and other tools. Tokens are never included: after an import
 * the facilitator gets new links and participants join again.
 */
export const BACKUP_FORMAT = 'partnerschapskaart-live-backup';
export const BACKUP_VERSION = 1;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: number;
  workshop: { title: string; createdAt: number; partners: Partner[]; flow?: Flow };
  participants: { id: string; name: string; partner: string; role: string; access: AccessRole }[];
  /** docName → base64 Yjs update of the whole document. */
  documents: Record<string, string>;
  versions: {
    doc: string;
    kind: 'step' | 'manual' | 'before-restore' | 'meeting';
    label: string;
    createdAt: number;
    cardCount: number;
    state: string;
  }[];
  /** docName → readable snapshot of each map (ignored on import; the documents are the truth). */
  readable: Record<string, MapSnapshot>;
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
