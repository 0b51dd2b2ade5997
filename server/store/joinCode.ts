import { randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../shared/api.js';
import { JoinCodeTaken } from './Store.js';

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
const JOIN_CODE_ATTEMPTS = 7;

/**
 * Write a workshop under the join code `first`, and under a newly drawn one each time the store says
 * the code is taken (JoinCodeTaken); resolves with the code it was written under. The one retry for a
 * new workshop (WorkshopService) and an import (each store's writer).
 */
export async function withFreeJoinCode(first: string, write: (joinCode: string) => unknown): Promise<string> {
  for (let code = first, attempt = 1; ; attempt++) {
    try {
      await write(code);
      return code;
    } catch (error) {
      if (!(error instanceof JoinCodeTaken) || attempt >= JOIN_CODE_ATTEMPTS) throw error;
      code = newJoinCode();
    }
  }
}
