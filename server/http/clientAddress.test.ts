import { describe, expect, it } from 'vitest';
import { addressKey } from './clientAddress.js';

describe('the address a limit counts', () => {
  it('[T21] IPv6 counts per /64, however it is written; IPv4 and IPv4 written as IPv6 count as themselves', () => {
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('::FFFF:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('::ffff:c000:207')).toBe('192.0.2.7');
    const net = '2001:db8:12:3400::/64';
    expect(addressKey('2001:db8:12:3400::1')).toBe(net);
    expect(addressKey('2001:0db8:0012:3400:dead:beef:0:1')).toBe(net);
    expect(addressKey('2001:db8:12:3400:ffff:ffff:ffff:ffff')).toBe(net);
    expect(addressKey('[2001:db8:12:3400::abcd]')).toBe(net);
    expect(addressKey('2001:db8:12:3401::1')).toBe('2001:db8:12:3401::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    // A NAT64 / embedded form that is not IPv4-mapped stays IPv6.
    expect(addressKey('64:ff9b::192.0.2.7')).toBe('64:ff9b:0:0::/64');
    expect(addressKey('unknown')).toBe('unknown');
  });
});
