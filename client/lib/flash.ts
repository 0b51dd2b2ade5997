/**
 * A one-time message for the next page, e.g. "the workshop was deleted" on the start page. Kept in
 * sessionStorage so it survives the navigation but not the tab; read once, then gone.
 */
const FLASH_KEY = 'pkl.flash';

export type FlashMessage = { key: string; values?: Record<string, string> };

export function setFlash(message: FlashMessage): void {
  try {
    sessionStorage.setItem(FLASH_KEY, JSON.stringify(message));
  } catch {
    // Without storage the next page simply shows no message.
  }
}

/** Read and remove the message. */
export function takeFlash(): FlashMessage | null {
  const message = peekFlash();
  clearFlash();
  return message;
}

export function clearFlash(): void {
  try {
    sessionStorage.removeItem(FLASH_KEY);
  } catch {
    // Nothing was kept either.
  }
}

/** Read the message without removing it (a component reads during render, clears in an effect). */
export function peekFlash(): FlashMessage | null {
  try {
    const raw = sessionStorage.getItem(FLASH_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { key, values } = parsed as Partial<FlashMessage>;
    return typeof key === 'string' ? { key, values: values && typeof values === 'object' ? values : undefined } : null;
  } catch {
    return null;
  }
}
