import { afterEach, describe, expect, it } from 'vitest';
import { findMapElement, pictureCopy } from './png.js';

afterEach(() => {
  document.body.innerHTML = '';
});

const page = (html: string) => {
  document.body.innerHTML = html;
  return document;
};

describe('the map to picture', () => {
  it('is the board of the map on screen', () => {
    const doc = page('<div data-testid="map"><header>x</header><div class="board" id="b"></div></div>');
    expect(findMapElement({ kind: 'joint' }, doc)?.id).toBe('b');
    // In a joint workshop there is no partner map on screen.
    expect(findMapElement({ kind: 'partner', partnerId: 'zorg' }, doc)).toBeNull();
  });

  it('partners first: only the map the console shows, joint also beside the comparison', () => {
    const area = (view: string) =>
      page(`<div data-testid="console.mapArea" data-view="${view}"><div data-testid="map"><div class="board" id="b"></div></div></div>`);
    expect(findMapElement({ kind: 'partner', partnerId: 'zorg' }, area('partner:zorg'))?.id).toBe('b');
    expect(findMapElement({ kind: 'joint' }, area('partner:zorg'))).toBeNull();
    expect(findMapElement({ kind: 'partner', partnerId: 'gemeente' }, area('partner:zorg'))).toBeNull();
    expect(findMapElement({ kind: 'joint' }, area('compare'))?.id).toBe('b');
    expect(findMapElement({ kind: 'joint' }, area('joint'))?.id).toBe('b');
  });

  it('is copied with a caption and without ids, so the page keeps unique ids', () => {
    const doc = page('<div data-testid="map"><div class="board" id="b"><p id="x">Waarden</p><button>Kaart toevoegen</button></div></div>');
    const copy = pictureCopy(findMapElement({ kind: 'joint' }, doc)!, 'Samen sterk · 12 maart 2026');
    expect(copy.className).toBe('map-picture');
    expect(copy.getAttribute('aria-hidden')).toBe('true');
    expect(copy.querySelector('.map-picture-caption')?.textContent).toBe('Samen sterk · 12 maart 2026');
    expect(copy.querySelectorAll('[id]')).toHaveLength(0);
    expect(copy.textContent).toContain('Waarden');
  });
});
