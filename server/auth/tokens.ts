import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes (256 bits), URL-safe. Only the hash is ever stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

export function isTokenShaped(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_SHAPE.test(value);
}
