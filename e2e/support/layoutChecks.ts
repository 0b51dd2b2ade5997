import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { eventually } from './pages.js';

/**
 * Generic layout checks, run in the page the way a person looks at a screen (ROOM.md "how to check"):
 * no sideways scrolling, no word broken inside itself, text above its floor, targets big enough to
 * hit. Each screen's spec adds what is special to it (the projector's fit, a phone's header height).
 * Screenshots go to test-output/screens/ (not in git): look at them.
 */

export const SCREENS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-output', 'screens');

/** The sizes of ROOM.md: phones, a small laptop, the projectors, a large laptop. */
export const ROOM_SIZES = {
  phoneSmall: { width: 360, height: 740 },
  phone: { width: 390, height: 844 },
  tablet: { width: 1024, height: 768 },
  projector720: { width: 1280, height: 720 },
  laptop: { width: 1440, height: 900 },
  projector1080: { width: 1920, height: 1080 },
} as const;

export interface LayoutRules {
  /** Where to look (a CSS selector); the whole body when absent. */
  root?: string;
  /** The document may not be taller than the window (the projector). */
  fitHeight?: boolean;
  /** Text of elements matching `selector` is at least `px` pixels. */
  fontFloors?: { selector: string; px: number }[];
  /** Buttons, links and form controls inside `root` are at least this many pixels both ways (WCAG 2.5.8: 24). */
  minTarget?: number;
  /**
   * Words of this many letters or fewer must sit on one line. A longer word may break over lines only
   * at a soft hyphen (U+00AD, the Dutch break points of [U20]): each part between them on one line.
   */
  maxWordLength?: number;
  /**
   * Nothing inside `root` may stick out sideways past the root's own box. A panel that scrolls or
   * clips (the console's side panel) hides such overflow from the page's width check: a table wider
   * than the panel is cut off without any scrollbar of the page.
   */
  contained?: boolean;
}

/** What a person would object to, as sentences; empty when the screen is right. */
export interface LayoutReport {
  problems: string[];
}

/**
 * Runs in the page. It is sent to the browser as source text, so it must not use anything from
 * outside its own body.
 */
function inspectLayout(rules: LayoutRules): LayoutReport {
  const problems: string[] = [];
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const doc = document.documentElement;
  if (doc.scrollWidth > vw) problems.push(`horizontal overflow: ${doc.scrollWidth} px in ${vw} px`);
  if (rules.fitHeight && doc.scrollHeight > vh)
    problems.push(`document ${doc.scrollHeight} px high in a ${vh} px window`);
  const root = rules.root ? document.querySelector(rules.root) : document.body;
  if (!root) return { problems: [...problems, `nothing matches ${rules.root}`] };

  const visible = (el: Element) => {
    if (el.closest('[hidden], .sr-only, [aria-hidden="true"]')) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };

  // No ordinary word over two lines: all its line boxes share one top. A long word may break only at
  // one of its soft hyphens ([U20]): every part between them has one top. A break anywhere else fails.
  const maxWord = rules.maxWordLength ?? 14;
  const SHY = '\u00ad';
  const range = document.createRange();
  // The top of one character. A range that starts right after a break at a soft hyphen also gets the
  // rendered hyphen's box at the end of the line before; the character itself is the lowest box.
  const topOf = (node: Text, at: number) => {
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top));
    return tops.length ? Math.max(...tops) : null;
  };
  /**
   * The lines a stretch of text spans: one when all its boxes share a top (also in vertical writing,
   * the folded panel's title); otherwise counted over its characters.
   */
  const linesOf = (node: Text, from: number, to: number) => {
    range.setStart(node, from);
    range.setEnd(node, to);
    const boxes = [...range.getClientRects()].filter((r) => r.width > 0);
    if (new Set(boxes.map((r) => Math.round(r.top))).size <= 1) return 1;
    const tops = new Set<number>();
    for (let i = from; i < to; i++) {
      const top = topOf(node, i);
      if (top !== null) tops.add(top);
    }
    return tops.size;
  };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const el = node.parentElement;
    if (!el || !visible(el) || el.closest('textarea, input, [contenteditable="true"]')) continue;
    // A line may end after a hyphen ("Arnhem-|Noord"): that is a break between the parts, not inside one.
    const words = /[^\s\-\u2010]+/g;
    for (let m = words.exec(node.data); m; m = words.exec(node.data)) {
      const word = m[0].replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      const letters = word.replaceAll(SHY, '');
      if (letters.length < 2) continue;
      const start = m.index + m[0].indexOf(word);
      if (letters.length <= maxWord || !word.includes(SHY)) {
        const lines = linesOf(node, start, start + word.length);
        if (lines > 1)
          problems.push(
            letters.length <= maxWord
              ? `"${letters}" broken over ${lines} lines`
              : `"${letters}" broken over ${lines} lines where it has no soft hyphen`,
          );
        continue;
      }
      let from = start;
      for (const part of word.split(SHY)) {
        if (part.length > 1 && linesOf(node, from, from + part.length) > 1)
          problems.push(`"${letters}" broken inside "${part}", not at a soft hyphen`);
        from += part.length + 1;
      }
    }
  }

  for (const floor of rules.fontFloors ?? []) {
    for (const el of root.querySelectorAll<HTMLElement>(floor.selector)) {
      if (!visible(el)) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < floor.px) problems.push(`${floor.selector} text ${size} px < ${floor.px} px`);
    }
  }

  if (rules.contained) {
    const box = root.getBoundingClientRect();
    const out = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.right > box.right + 0.5 || r.left < box.left - 0.5;
    };
    // Inside a box of its own that scrolls or clips sideways (a wide table in its scroll wrapper) is
    // fine: that overflow is meant. Only the outermost element that sticks out is named.
    const clippedBelowRoot = (el: Element) => {
      for (let a = el.parentElement; a && a !== root; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      if (!visible(el) || !out(el) || clippedBelowRoot(el)) continue;
      if (el.parentElement && el.parentElement !== root && out(el.parentElement)) continue;
      const r = el.getBoundingClientRect();
      const label = (el.getAttribute('aria-label') ?? el.textContent ?? el.tagName).trim().slice(0, 30);
      const by = Math.round(Math.max(r.right - box.right, box.left - r.left));
      problems.push(`"${label}" (${el.tagName.toLowerCase()}) sticks out of ${rules.root ?? 'the page'} by ${by} px`);
    }
  }

  if (rules.minTarget) {
    const min = rules.minTarget;
    const targets = root.querySelectorAll<HTMLElement>(
      'button, a[href], input:not([type="hidden"]), select, summary, [role="button"], [role="tab"], [role="menuitem"]',
    );
    for (const el of targets) {
      if (!visible(el)) continue;
      // WCAG 2.5.8 exception: a link inside a sentence.
      if (el.tagName === 'A' && getComputedStyle(el).display === 'inline') continue;
      const r = el.getBoundingClientRect();
      if (r.width < min - 0.5 || r.height < min - 0.5) {
        const label = (el.getAttribute('aria-label') ?? el.textContent ?? el.tagName).trim().slice(0, 30);
        problems.push(`target "${label}" is ${Math.round(r.width)}×${Math.round(r.height)} px (< ${min})`);
      }
    }
  }
  return { problems: [...new Set(problems)] };
}

/** The page's layout problems now. */
export function layoutProblems(page: Page, rules: LayoutRules): Promise<LayoutReport> {
  return page.evaluate(inspectLayout, rules);
}

/**
 * Polls until the page passes (layouts settle after the documents sync), then takes the screenshot;
 * on failure takes it too and throws with what is wrong.
 */
export async function expectLayout(page: Page, rules: LayoutRules, label: string, screenshot?: string): Promise<void> {
  let last: LayoutReport = { problems: ['not checked'] };
  const shoot = async () => {
    if (!screenshot) return;
    fs.mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENS, screenshot) });
  };
  try {
    await eventually(async () => {
      last = await layoutProblems(page, rules);
      return last.problems.length === 0;
    }, label);
  } catch {
    await shoot();
    throw new Error(`${label}: ${last.problems.slice(0, 12).join('; ')}`);
  }
  await shoot();
}
