/** A failure the facilitator can act on; `key` is a catalogue key under `export.errors`. */
export class ExportError extends Error {
  constructor(
    readonly key: string,
    readonly values: Record<string, string> = {},
  ) {
    super(key);
  }
}
