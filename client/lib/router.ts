import { useSyncExternalStore } from 'react';
import { isWorkshopId } from '../../shared/protocol.js';
import type { WorkshopId } from '../../shared/ids.js';

/**
 * A tiny History API router: a handful of routes do not justify a router library.
 * `navigate` dispatches its own event because pushState/replaceState fire no popstate.
 */
export type Route =
  | { name: 'start' }
  | { name: 'joinCode'; code: string }
  | { name: 'join'; workshopId: WorkshopId }
  | { name: 'map'; workshopId: WorkshopId }
  | { name: 'facilitator'; workshopId: WorkshopId }
  | { name: 'console'; workshopId: WorkshopId }
  | { name: 'projector'; workshopId: WorkshopId }
  | { name: 'badWorkshop' }
  | { name: 'unknown' };

const NAVIGATE_EVENT = 'pkl:navigate';

export const consolePath = (id: WorkshopId) => `/w/${id}/console`;
export const projectorViewPath = (id: WorkshopId) => `/w/${id}/projector`;
export const JOIN_CODE_ROUTE = '/join';

const WORKSHOP_PAGES = ['map', 'facilitator', 'console', 'projector'] as const;

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'start' };
  if (path === JOIN_CODE_ROUTE) return { name: 'joinCode', code: '' };
  const code = /^\/c\/([^/]{1,40})$/.exec(path);
  if (code) return { name: 'joinCode', code: safeDecode(code[1]) };
  const match = /^\/w\/([^/]+)(?:\/([a-z]+))?$/.exec(path);
  if (!match) return { name: 'unknown' };
  const page = match[2] as (typeof WORKSHOP_PAGES)[number] | undefined;
  if (page !== undefined && !WORKSHOP_PAGES.includes(page)) return { name: 'unknown' };
  const id = safeDecode(match[1]);
  if (!isWorkshopId(id)) return { name: 'badWorkshop' };
  return { name: page ?? 'join', workshopId: id };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
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
