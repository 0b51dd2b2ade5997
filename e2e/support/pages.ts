import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ColumnId } from '../../shared/columns.js';
import { stripSoftHyphens } from '../../shared/text/hyphenation.js';

/** Page objects: the tests speak in user actions; the selectors live here. */
export const byTestId = (page: Page | Locator, id: string) => page.locator(`[data-testid="${id}"]`);

/** Poll until `fn` returns true (Playwright-core has no expect with auto-waiting). */
export async function eventually(fn: () => Promise<boolean>, message: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  let last: unknown;
  while (Date.now() - start < timeoutMs) {
    try {
      if (await fn()) return;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out: ${message}${last ? ` (last error: ${String(last)})` : ''}`);
}

/** Where the focus is and whether an editor is open: what a failed focus wait needs to say. */
export async function focusReport(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    const editors = document.querySelectorAll('[data-testid="card.editor"]').length;
    const toast = document.querySelector('[data-testid="toast"]')?.textContent ?? '';
    const where = active ? active.outerHTML.slice(0, 160) : 'none';
    return `focus on ${where}; ${editors} editor(s) open; hasFocus ${document.hasFocus()}; toast "${toast}"`;
  });
}

export class StartPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/');
    await byTestId(this.page, 'start.title').waitFor();
  }

  async createWorkshop(title: string, partners: string[]) {
    await byTestId(this.page, 'start.title').fill(title);
    for (let i = 0; i < partners.length; i++) {
      if ((await byTestId(this.page, `start.partner.${i}`).count()) === 0)
        await byTestId(this.page, 'start.addPartner').click();
      await byTestId(this.page, `start.partner.${i}`).fill(partners[i]);
    }
    await byTestId(this.page, 'start.submit').click();
    await byTestId(this.page, 'start.created').waitFor();
    return {
      participantUrl: await byTestId(this.page, 'start.participantLink').inputValue(),
      facilitatorUrl: await byTestId(this.page, 'start.facilitatorLink').inputValue(),
      projectorUrl: await byTestId(this.page, 'start.projectorLink').inputValue(),
      joinCode: (await byTestId(this.page, 'start.joinCode').innerText()).trim(),
    };
  }
}

export class JoinPage {
  constructor(readonly page: Page) {}

  async join(url: string, name: string, partnerName: string, role = 'professional') {
    await this.page.goto(url);
    await this.fillAndJoin(name, partnerName, role);
  }

  /** Join by the short code, typed the way people type it off a projector. */
  async joinByCode(code: string, name: string, partnerName: string, role = 'professional') {
    await this.page.goto('/join');
    await byTestId(this.page, 'joincode.input').fill(code.toLowerCase().replace(/(...)/, '$1 '));
    await byTestId(this.page, 'joincode.submit').click();
    await this.fillAndJoin(name, partnerName, role);
  }

  private async fillAndJoin(name: string, partnerName: string, role: string) {
    await byTestId(this.page, 'join.name').fill(name);
    await byTestId(this.page, 'join.partner').selectOption({ label: partnerName });
    await byTestId(this.page, 'join.role').selectOption(role);
    await byTestId(this.page, 'join.submit').click();
    await new MapPage(this.page).waitUntilConnected();
  }
}

export class MapPage {
  constructor(readonly page: Page) {}

  column(id: ColumnId): Locator {
    return byTestId(this.page, `column.${id}`);
  }

  cards(column: ColumnId): Locator {
    return this.column(column).locator('[data-testid="card"]');
  }

  card(id: string): Locator {
    return this.page.locator(`[data-testid="card"][data-card-id="${id}"]`);
  }

  async waitUntilConnected() {
    await byTestId(this.page, 'map').waitFor();
    await this.page.locator('[data-testid="connection.state"][data-state="connected"]').waitFor();
  }

  /**
   * Until the open card editor has the focus (it takes it itself, caret at the end): keys pressed
   * before that go elsewhere. Says where the focus is when it never comes.
   */
  async editorFocused() {
    await eventually(
      async () => this.page.evaluate(() => document.activeElement?.closest('[data-testid="card.editor"]') !== null),
      'editor focused',
    ).catch(async (error) => {
      throw new Error(`${(error as Error).message}; ${await focusReport(this.page)}`);
    });
  }

  /** Add a card in a column and type its text; returns the new card's id. */
  async addCard(column: ColumnId, text: string): Promise<string> {
    const before = await this.cards(column).count();
    await byTestId(this.column(column), `column.${column}.add`).click();
    const editor = byTestId(this.page, 'card.editor').locator('[contenteditable="true"]');
    await editor.waitFor();
    await eventually(async () => (await this.cards(column).count()) === before + 1, 'card added');
    // Type only once the new editor has the focus, or the first letters go to the button.
    await this.editorFocused();
    await this.page.keyboard.type(text);
    const id = await byTestId(this.page, 'card.editor')
      .locator('xpath=ancestor::*[@data-testid="card"]')
      .getAttribute('data-card-id');
    await byTestId(this.page, 'card.done').click();
    expect(id).toBeTruthy();
    return id!;
  }

  /** The texts as a person reads them: without the soft hyphens long words get on screen ([U20]). */
  async cardTextsIn(column: ColumnId): Promise<string[]> {
    const texts = await this.cards(column).locator('[data-testid="card.text"]').allInnerTexts();
    return texts.map(stripSoftHyphens);
  }

  async columnOf(cardId: string): Promise<string | null> {
    return this.card(cardId).evaluate(
      (el) => el.closest('[data-testid^="column."]')?.getAttribute('data-testid') ?? null,
    );
  }
}

/** The card dialogue panel of one card. */
export class CardDetails {
  constructor(
    readonly page: Page,
    readonly card: Locator,
  ) {}

  async open() {
    await this.card.locator('[data-testid="card.details"]').click();
    await byTestId(this.page, 'card.detailsPanel').waitFor();
    return this;
  }

  panel(): Locator {
    return byTestId(this.page, 'card.detailsPanel');
  }

  async close() {
    await byTestId(this.page, 'card.details.close').click();
  }
}
