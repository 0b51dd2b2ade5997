import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateWorkshopResponse } from '../shared/api.js';
import { launchBrowser, newActor } from './support/browser.js';
import { byTestId, eventually, JoinPage, MapPage } from './support/pages.js';
import { E2EServer } from './support/server.js';

let browser: Browser;
let server: E2EServer;

beforeAll(async () => {
  server = await new E2EServer().start();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * A switchable network for one browser context: every sync websocket goes through a route, so the
 * test can cut the real connections (both sides) and refuse new ones until it is switched on again.
 * context.setOffline does not drop websockets, hence the route.
 */
async function cuttableNetwork(context: BrowserContext) {
  let online = true;
  const open = new Set<{ page: WebSocketRoute; server: WebSocketRoute }>();
  await context.routeWebSocket(/\/sync\//, (ws) => {
    if (!online) {
      void ws.close({ code: 1006, reason: 'network down' }).catch(() => {});
      return;
    }
    const pair = { page: ws, server: ws.connectToServer() };
    open.add(pair);
    ws.onClose(() => open.delete(pair));
  });
  return {
    async cut() {
      online = false;
      for (const pair of [...open]) {
        await pair.server.close().catch(() => {});
        await pair.page.close({ code: 1006, reason: 'network down' }).catch(() => {});
      }
      open.clear();
    },
    restore() {
      online = true;
    },
  };
}

/** How many updates this page's offline copy of the joint map holds (y-indexeddb's 'updates' store). */
const offlineUpdates = (page: Page, workshopId: string) =>
  page.evaluate(
    (name) =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('updates')) return resolve(0);
          const count = db.transaction('updates').objectStore('updates').count();
          count.onsuccess = () => resolve(count.result);
        };
        req.onerror = () => resolve(-1);
      }),
    `pkl:${workshopId}/map:joint`,
  );

describe('lost network', () => {
  it('[O1] two participants edit the same column offline; after reconnecting every edit is on every screen and on the projector', async () => {
    const created = (await (
      await fetch(`${server.url}/api/workshops`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Wifi valt weg', partners: ['Gemeente', 'Zorg'] }),
      })
    ).json()) as CreateWorkshopResponse;
    const participantUrl = server.url + created.participantPath;
    const anna = await newActor(browser, server.url);
    const bram = await newActor(browser, server.url);
    const annaNet = await cuttableNetwork(anna.context);
    const bramNet = await cuttableNetwork(bram.context);
    await new JoinPage(anna.page).join(participantUrl, 'Anna', 'Gemeente');
    await new JoinPage(bram.page).join(participantUrl, 'Bram', 'Zorg');
    const projector = await newActor(browser, server.url);
    await projector.page.goto(server.url + created.projectorPath);
    await byTestId(projector.page, 'projector').waitFor();
    const annaMap = new MapPage(anna.page);
    const bramMap = new MapPage(bram.page);
    const shared = await annaMap.addCard('values', 'Voor de storing');
    await eventually(async () => (await bramMap.card(shared).count()) === 1, 'Bram has the first card');

    // The venue's Wi-Fi drops for both.
    await annaNet.cut();
    await bramNet.cut();
    await anna.page.locator('[data-testid="connection.state"]:not([data-state="connected"])').waitFor();
    await byTestId(anna.page, 'connection.message').waitFor();
    const a1 = await annaMap.addCard('values', 'Anna offline een');
    const a2 = await annaMap.addCard('values', 'Anna offline twee');
    const b1 = await bramMap.addCard('values', 'Bram offline');
    expect(await bramMap.card(a1).count()).toBe(0);

    // Back online: the providers reconnect by themselves and the edits merge.
    annaNet.restore();
    bramNet.restore();
    await new MapPage(anna.page).waitUntilConnected();
    await new MapPage(bram.page).waitUntilConnected();
    const texts = ['Voor de storing', 'Anna offline een', 'Anna offline twee', 'Bram offline'];
    for (const map of [annaMap, bramMap]) {
      await eventually(
        async () => (await map.cardTextsIn('values')).sort().join('|') === [...texts].sort().join('|'),
        'every edit on every screen',
      );
    }
    await eventually(async () => {
      const onProjector = (await projector.page.locator('[data-testid="snapshot.card"]').allInnerTexts()).join('\n');
      return texts.every((t) => onProjector.includes(t));
    }, 'every edit on the projector');
    const order = async (m: MapPage) =>
      m.cards('values').evaluateAll((els) => els.map((e) => e.getAttribute('data-card-id')));
    expect(await order(annaMap)).toEqual(await order(bramMap));
    expect([a1, a2, b1].every(Boolean)).toBe(true);

    // Offline in a tab that is then closed: sent the next time it opens.
    await annaNet.cut();
    await anna.page.locator('[data-testid="connection.state"]:not([data-state="connected"])').waitFor();
    const before = await offlineUpdates(anna.page, created.id);
    const closedTabCard = await annaMap.addCard('values', 'Geschreven in een gesloten tabblad');
    await eventually(async () => (await offlineUpdates(anna.page, created.id)) > before, 'kept on this device');
    await anna.page.close();
    annaNet.restore();
    const reopened = await anna.context.newPage();
    await reopened.goto(`${server.url}/w/${created.id}/map`);
    await new MapPage(reopened).waitUntilConnected();
    await eventually(
      async () => (await bramMap.card(closedTabCard).count()) === 1,
      'Bram receives the card written in the closed tab',
    );

    await Promise.all([anna, bram, projector].map((a) => a.context.close()));
  }, 120_000);
});
