/**
 * Text at the door (T10): characters nobody types on purpose and that break or disguise what others
 * see. C0 control characters (U+0000–U+001F and U+007F) except tab and newline break XML exports
 * (a Word file with U+0001 does not open) and terminals; bidirectional overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069) make a name or card read differently from what it is.
 * Titles and names are cleaned on input by the server; card content with them is refused.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_TEST = /[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

/** The text without unsafe characters (carriage returns go too: a newline is one `\n`). */
export function stripUnsafeText(text: string): string {
  return text.replace(UNSAFE, '');
}

export function hasUnsafeText(text: string): boolean {
  return UNSAFE_TEST.test(text);
}

/** Characters XML 1.0 does not allow at all (for exports): C0 but tab, newline and CR; lone surrogates; U+FFFE/U+FFFF. */
const XML_INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafeText(text: string): string {
  return text.replace(XML_INVALID, '');
}
