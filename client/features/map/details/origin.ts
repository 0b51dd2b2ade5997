import type { Origin } from '../../../../shared/origins.js';

/**
 * Origin of the card dialogue (support, arguments, status, agreement, who/what/when, history).
 * A local change like LOCAL_USER, but a different object, so the map's undo manager (which tracks
 * LOCAL_USER only) leaves it alone: these are toggles that undo themselves, and Ctrl+Z keeps meaning
 * "undo my last add, move or delete".
 */
export const DIALOGUE: Origin = Object.freeze({ kind: 'local-user' }) as Origin;
