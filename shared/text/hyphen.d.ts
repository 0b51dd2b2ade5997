/**
 * The `hyphen` package ships CommonJS without types; this is the one call we use (docs/decisions/
 * 0033). Its Dutch module is loaded lazily by `hyphenation.ts` only.
 */
declare module 'hyphen/nl/index.js' {
  const nl: {
    hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
  };
  export default nl;
}
