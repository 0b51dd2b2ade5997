import type { IncomingMessage } from 'node:http';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * Who a request counts as for the per-address limits ([T11], [T12], [T19], [T21]).
 *
 * X-Forwarded-For is only believed when the server is configured to sit behind a proxy
 * (PKL_TRUST_PROXY); then the last address the proxy appended is the client's.
 *
 * An IPv6 address counts as its /64 network. Every home and phone connection gets at least a /64
 * and may use any address in it, so keyed by the full address one person could take a fresh rate
 * limit for every request (2^64 of them): guess join codes without limit, flood connects, and pass
 * the per-address connection cap. A /64 is what one subscriber holds, as one IPv4 address behind NAT
 * is. IPv4 written as IPv6 (`::ffff:192.0.2.1`, what a dual-stack socket reports) counts as IPv4.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  return addressKey(rawClientAddress(req, trustProxy));
}

function rawClientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const direct = req.socket.remoteAddress ?? 'unknown';
  if (!trustProxy) return direct;
  const header = req.headers['x-forwarded-for'];
  const value = Array.isArray(header) ? header.join(',') : header;
  const last = value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .pop();
  return last || direct;
}

/** The limit key of one address: IPv4 as is, IPv6 as its /64 (`2001:db8:1:2::/64`), anything else as given. */
export function addressKey(address: string): string {
  // A zone (`fe80::1%eth0`) names the interface, not the peer.
  const ip = address.replace(/%.*$/, '').replace(/^\[|\]$/g, '');
  if (isIPv4(ip) || !isIPv6(ip)) return ip;
  const groups = ipv6Groups(ip);
  // IPv4-mapped (::ffff:a.b.c.d, or the same in hex): the IPv4 address in the last two groups.
  if (groups.slice(0, 6).join(':') === '0:0:0:0:0:ffff') {
    const [hi, lo] = groups.slice(6).map((g) => Number.parseInt(g, 16));
    return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
  }
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** The eight groups of a valid IPv6 address, without leading zeros (`::` expanded, a dotted tail as two groups). */
function ipv6Groups(ip: string): string[] {
  let text = ip.toLowerCase();
  const dotted = text.match(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((g) => Number.parseInt(g, 16).toString(16));
}
