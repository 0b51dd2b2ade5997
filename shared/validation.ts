import { stripUnsafeText } from './cleanText.js';
import { isFlow, type Flow } from './permissions.js';
import { isParticipantRole, type ParticipantRole } from './roles.js';

/** Limits of the HTTP API, checked by the server and mirrored in the forms (maxLength). */
export const LIMITS = {
  titleMax: 120,
  partnerNameMax: 60,
  partnersMin: 1,
  partnersMax: 12,
  displayNameMax: 40,
} as const;

export type FieldError = {
  field: string;
  code: 'required' | 'tooLong' | 'tooMany' | 'tooFew' | 'invalid' | 'duplicate';
};

export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Cleaned on the raw value, before any length check: what is checked is what is stored [T10]. */
function cleanText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return stripUnsafeText(value).replace(/\s+/g, ' ').trim();
}

export interface NewWorkshopInput {
  title: string;
  partners: string[];
  flow: Flow;
}

export function validateNewWorkshop(body: unknown): Result<NewWorkshopInput> {
  const errors: FieldError[] = [];
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const title = cleanText(b.title);
  if (!title) errors.push({ field: 'title', code: 'required' });
  else if (title.length > LIMITS.titleMax) errors.push({ field: 'title', code: 'tooLong' });
  const partners: string[] = [];
  if (!Array.isArray(b.partners)) errors.push({ field: 'partners', code: 'required' });
  else {
    b.partners.forEach((raw, i) => {
      const name = cleanText(raw);
      if (name === null) errors.push({ field: `partners.${i}`, code: 'invalid' });
      else if (!name)
        return; // empty rows in the form are ignored
      else if (name.length > LIMITS.partnerNameMax) errors.push({ field: `partners.${i}`, code: 'tooLong' });
      else if (partners.some((p) => p.toLowerCase() === name.toLowerCase()))
        errors.push({ field: `partners.${i}`, code: 'duplicate' });
      else partners.push(name);
    });
    if (partners.length < LIMITS.partnersMin) errors.push({ field: 'partners', code: 'tooFew' });
    if (partners.length > LIMITS.partnersMax) errors.push({ field: 'partners', code: 'tooMany' });
  }
  if (b.flow !== undefined && !isFlow(b.flow)) errors.push({ field: 'flow', code: 'invalid' });
  const flow: Flow = isFlow(b.flow) ? b.flow : 'joint';
  return errors.length ? { ok: false, errors } : { ok: true, value: { title: title!, partners, flow } };
}

export interface JoinInput {
  name: string;
  partner: string;
  role: ParticipantRole;
}

export function validateJoin(body: unknown, partnerIds: readonly string[]): Result<JoinInput> {
  const errors: FieldError[] = [];
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const name = cleanText(b.name);
  if (!name) errors.push({ field: 'name', code: 'required' });
  else if (name.length > LIMITS.displayNameMax) errors.push({ field: 'name', code: 'tooLong' });
  const partner = typeof b.partner === 'string' ? b.partner : '';
  if (!partnerIds.includes(partner)) errors.push({ field: 'partner', code: partner ? 'invalid' : 'required' });
  if (!isParticipantRole(b.role)) errors.push({ field: 'role', code: b.role ? 'invalid' : 'required' });
  return errors.length
    ? { ok: false, errors }
    : { ok: true, value: { name: name!, partner, role: b.role as ParticipantRole } };
}
