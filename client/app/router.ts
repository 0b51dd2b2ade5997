import { useSyncExternalStore } from 'react';
import { isWorkshopId } from '../../shared/protocol.js';
import type { WorkshopId } from '../../shared/ids.js';

/**
 * A tiny History API router: four routes do not justify a router library.
 * `navigate` dispatches its own event because pushState/replaceState fire no popstate.
 */
export type Route =
  | { name: 'start' }
  | { name: 'join'; workshopId: WorkshopId }
  | { name: 'map'; workshopId: WorkshopId }
  | { name: 'facilitator'; workshopId: WorkshopId }
  | { name: 'badWorkshop' }
  | { name: 'unknown' };

const NAVIGATE_EVENT = 'pkl:navigate';

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'start' };
  const match = /^\/w\/([^/]+)(?:\/(map|facilitator))?$/.exec(path);
  if (!match) return { name: 'unknown' };
  const id = decodeURIComponent(match[1]);
  if (!isWorkshopId(id)) return { name: 'badWorkshop' };
  if (match[2] === 'map') return { name: 'map', workshopId: id };
  if (match[2] === 'facilitator') return { name: 'facilitator', workshopId: id };
  return { name: 'join', workshopId: id };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATE_EVENT, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATE_EVENT, listener);
  };
}

const getPathname = () => window.location.pathname;

export function usePathname(): string {
  return useSyncExternalStore(subscribe, getPathname);
}
