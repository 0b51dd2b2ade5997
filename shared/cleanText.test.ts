import { describe, expect, it } from 'vitest';
import { hasUnsafeText, stripUnsafeText, xmlSafeText } from './cleanText.js';

describe('text at the door', () => {
  it('[T10] strips C0 controls but tab and newline, and bidi overrides and isolates', () => {
    expect(stripUnsafeText('a\u0000b\u0007c\u000Bd\te\nf\u202Eg\u2066h\u007Fi')).toBe('abcd\te\nfghi');
    expect(hasUnsafeText('gewoon tekst\tmet tab\n')).toBe(false);
    expect(hasUnsafeText('stiekem\u202Eomgekeerd')).toBe(true);
    expect(stripUnsafeText('Zorg & Welzijn — café ✓ 👍')).toBe('Zorg & Welzijn — café ✓ 👍');
  });

  it('[T10] xmlSafeText leaves only characters XML 1.0 allows', () => {
    expect(xmlSafeText('a\u0001b\u000Bc\u000Dd\uFFFEe\uD800f👍')).toBe('abc\u000Ddef👍');
  });
});
