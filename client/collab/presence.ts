import type { Awareness } from 'y-protocols/awareness';
import type { PresenceState } from '../../shared/protocol.js';

/** One connected client as the UI shows it. Awareness states come from other browsers: read defensively. */
export interface Person {
  clientId: number;
  name: string;
  color: string;
  partner: string;
  partnerName: string;
  role: string;
  editing: string | null;
  isSelf: boolean;
}

const str = (v: unknown, max = 80) => (typeof v === 'string' ? v.slice(0, max) : '');
const COLOR = /^#[0-9a-fA-F]{6}$/;
export const NEUTRAL_COLOR = '#4d4d4d';

export function readPerson(clientId: number, state: unknown, selfId: number): Person | null {
  if (typeof state !== 'object' || state === null) return null;
  const s = state as Partial<Record<keyof PresenceState, unknown>>;
  const user = (typeof s.user === 'object' && s.user !== null ? s.user : null) as Record<string, unknown> | null;
  if (!user || !str(user.name)) return null;
  const color = str(user.color);
  return {
    clientId,
    name: str(user.name),
    color: COLOR.test(color) ? color : NEUTRAL_COLOR,
    partner: str(user.partner),
    partnerName: str(user.partnerName),
    role: str(user.role),
    editing: typeof s.editing === 'string' ? s.editing : null,
    isSelf: clientId === selfId,
  };
}

/** Self first, then by name, so the list does not jump around when someone moves their cursor. */
export function readPeople(states: ReadonlyMap<number, unknown>, selfId: number): Person[] {
  const people: Person[] = [];
  for (const [id, state] of states) {
    const person = readPerson(id, state, selfId);
    if (person) people.push(person);
  }
  return people.sort((a, b) =>
    a.isSelf !== b.isSelf ? (a.isSelf ? -1 : 1) : a.name.localeCompare(b.name) || a.clientId - b.clientId,
  );
}

const keyOf = (people: readonly Person[]) =>
  people
    .map((p) => [p.clientId, p.name, p.color, p.partner, p.partnerName, p.role, p.editing].join('\u0000'))
    .join('\u0001');

export const NO_PEOPLE: readonly Person[] = Object.freeze([]);

/**
 * Cached presence snapshot. Awareness fires on every cursor move; the snapshot only changes when
 * something the UI shows changed, so the header and cards do not re-render on every keystroke.
 */
export class PresenceStore {
  private snapshot: readonly Person[] = NO_PEOPLE;
  private key = '';
  private readonly listeners = new Set<() => void>();

  constructor(private readonly awareness: Awareness) {
    this.recompute();
    awareness.on('change', this.onChange);
  }

  private recompute(): boolean {
    const people = readPeople(this.awareness.getStates(), this.awareness.clientID);
    const key = keyOf(people);
    if (key === this.key) return false;
    this.key = key;
    this.snapshot = people.length ? Object.freeze(people) : NO_PEOPLE;
    return true;
  }

  private onChange = () => {
    if (this.recompute()) for (const l of this.listeners) l();
  };

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  destroy(): void {
    this.awareness.off('change', this.onChange);
    this.listeners.clear();
  }
}
