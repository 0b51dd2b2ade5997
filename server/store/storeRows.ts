import type { VersionInfo } from '../../shared/api.js';
import { isFlow } from '../../shared/permissions.js';
import type { AccessRole } from '../../shared/roles.js';
import type { ParticipantRecord, WorkshopRecord } from './Store.js';

// Rows as both stores read them (same column names in SQLite and Postgres), and the records they make.

export interface WorkshopRow {
  id: string;
  title: string;
  created_at: number;
  partners: string;
  join_code: string;
  flow: string;
}

export interface ParticipantRow {
  id: string;
  workshop_id: string;
  name: string;
  partner: string;
  role: string;
  access: string;
  revoked_at: number | null;
}

export interface VersionRow {
  id: number;
  room: string;
  kind: string;
  label: string;
  created_at: number;
  card_count: number;
}

export function docOf(room: string): string {
  return room.slice(room.indexOf('/') + 1);
}

export function toVersion(row: VersionRow): VersionInfo {
  return {
    id: row.id,
    doc: docOf(row.room),
    kind: row.kind as VersionInfo['kind'],
    label: row.label,
    createdAt: row.created_at,
    cardCount: row.card_count,
  };
}

export function toWorkshop(row: WorkshopRow): WorkshopRecord {
  return {
    id: row.id,
    title: row.title,
    createdAt: row.created_at,
    partners: JSON.parse(row.partners),
    joinCode: row.join_code,
    flow: isFlow(row.flow) ? row.flow : 'joint',
  };
}

export function toParticipant(row: ParticipantRow): ParticipantRecord {
  return {
    id: row.id,
    workshopId: row.workshop_id,
    name: row.name,
    partner: row.partner,
    role: row.role,
    access: row.access as AccessRole,
    revoked: row.revoked_at !== null,
  };
}
