/** Branded ids: a CardId cannot be passed where a WorkshopId is expected. */
export type Brand<T, B extends string> = T & { readonly __brand: B };
export type CardId = Brand<string, 'CardId'>;
export type WorkshopId = Brand<string, 'WorkshopId'>;
export type ParticipantId = Brand<string, 'ParticipantId'>;
export type PartnerId = Brand<string, 'PartnerId'>;

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Random id from the platform CSPRNG (Web Crypto exists in browsers and in Node 20).
 * 26 base-36 characters carry about 134 bits, enough for ids that must not be guessed.
 */
export function randomId(length = 26): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  // 252 is the largest multiple of 36 below 256: rejecting bytes above it keeps the draw uniform.
  let i = 0;
  while (out.length < length) {
    if (i >= bytes.length) {
      globalThis.crypto.getRandomValues(bytes);
      i = 0;
    }
    const b = bytes[i++];
    if (b < 252) out += ALPHABET[b % 36];
  }
  return out;
}

export const newCardId = (): CardId => randomId(16) as CardId;
export const newWorkshopId = (): WorkshopId => randomId(26) as WorkshopId;
export const newParticipantId = (): ParticipantId => randomId(16) as ParticipantId;
