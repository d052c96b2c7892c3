// The pure parts of the Web Connector log-in protection: who a source is, and how long it must wait.
import { describe, expect, it } from 'vitest';
import { sourceKey, throttleWait } from '../../../quickbooks/desktop/web-connector/login-guard.js';

const config = { throttleFreeFailures: 5, lockoutFailures: 5, lockoutMinutes: 15 };

describe('Web Connector log-in protection', () => {
  it('names a source by its IPv4 address, or its IPv6 /64', () => {
    expect(sourceKey('203.0.113.7')).toBe('203.0.113.7');
    expect(sourceKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(sourceKey('2001:db8:1:2::7')).toBe('2001:db8:1:2::/64');
    expect(sourceKey('2001:db8:1:2:ffff::1')).toBe('2001:db8:1:2::/64');
    expect(sourceKey(undefined)).toBe('');
  });

  it('lets the first failures through, then doubles the wait up to the window', () => {
    expect(throttleWait(4, 0, config)).toBe(0);
    expect(throttleWait(5, 0, config)).toBe(1);
    expect(throttleWait(5, 1.2, config)).toBe(0);
    expect(throttleWait(6, 0.5, config)).toBe(2);
    expect(throttleWait(9, 0, config)).toBe(16);
    expect(throttleWait(40, 0, config)).toBe(900);
    expect(throttleWait(40, 900, config)).toBe(0);
  });
});
