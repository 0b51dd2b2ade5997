import { vi } from 'vitest';

/** One request the page made to the HTTP API. */
export interface ApiCall {
  url: string;
  method: string;
  /** The Authorization header, e.g. "Bearer <token>". */
  auth: string | null;
  /** The JSON body, parsed; null without one (or when it is not JSON). */
  body: unknown;
}

export interface ApiReply {
  status: number;
  body?: unknown;
}

const NOT_FOUND: ApiReply = { status: 404, body: { error: 'not_found', message: '' } };

function parse(body: BodyInit | null | undefined): unknown {
  if (typeof body !== 'string') return null;
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

/**
 * The one fake of the HTTP API for component tests: `fetch` answers from `route` (unknown routes:
 * 404) and every request is recorded in `calls`. Removed after each test (client/test/setup.ts
 * unstubs all globals). `reply` swaps the route mid-test.
 */
export function fakeApi(route: (call: ApiCall) => ApiReply | undefined = () => undefined) {
  const calls: ApiCall[] = [];
  let current = route;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const call: ApiCall = {
      url,
      method: init?.method ?? 'GET',
      auth: new Headers(init?.headers).get('Authorization'),
      body: parse(init?.body),
    };
    calls.push(call);
    const { status, body } = current(call) ?? NOT_FOUND;
    return new Response(status === 204 ? null : JSON.stringify(body ?? {}), { status });
  });
  return {
    calls,
    reply(next: (call: ApiCall) => ApiReply | undefined) {
      current = next;
    },
  };
}
