import { randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../shared/api.js';

/**
 * A random join code. 31^6 ≈ 887 million codes: a collision is rare; whoever writes the workshop
 * draws again when the code is taken (WorkshopService for a new workshop, the store for an import).
 */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** How many codes a workshop's creation tries before it gives up (each is taken with odds ~1e-6). */
export const JOIN_CODE_ATTEMPTS = 7;
