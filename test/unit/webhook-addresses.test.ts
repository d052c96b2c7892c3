// Which addresses a webhook may reach (public unicast only), and the look-up that refuses the others at connect time.
import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { guardedLookup, localNameReason, nonPublicReason } from '../../outbound/addresses.js';

describe('webhook addresses', () => {
  it('refuses every address that is not public unicast, IPv4 and IPv6, including IPv4-mapped IPv6', () => {
    const refused = ['127.0.0.1', '127.255.0.9', '10.1.2.3', '172.31.255.255', '192.168.0.1', '169.254.169.254', '100.64.0.1', '100.100.100.200',
      '0.0.0.0', '224.0.0.251', '255.255.255.255', '192.0.2.10', '198.18.0.1', '240.0.0.1', '168.63.129.16',
      '::', '::1', 'fe80::1', 'fc00::1', 'fd00:ec2::254', 'ff02::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '64:ff9b::7f00:1', '2002:7f00:1::1', '2001:db8::1'];
    for (const address of refused) expect(nonPublicReason(address), address).toBeDefined();
    for (const address of ['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:93.184.215.14']) expect(nonPublicReason(address), address).toBeUndefined();
    expect(nonPublicReason('not-an-ip')).toBe('is not an IP address');
  });

  it('refuses names that mean this machine or a metadata service, whatever DNS says', () => {
    for (const name of ['localhost', 'LOCALHOST.', 'api.localhost', 'metadata.google.internal', 'db.internal']) expect(localNameReason(name), name).toBeDefined();
    expect(localNameReason('hooks.example.com')).toBeUndefined();
  });

  it('connects only when every address of the name is public, unless private networks are allowed', async () => {
    const dns = async (host: string): Promise<LookupAddress[]> => (host === 'public.test' ? [{ address: '93.184.215.14', family: 4 }] : [{ address: '93.184.215.14', family: 4 }, { address: '127.0.0.1', family: 4 }]);
    const resolve = (lookup: ReturnType<typeof guardedLookup>, host: string, all: boolean) => new Promise((ok, fail) => {
      lookup(host, { all }, (error, address) => (error ? fail(error) : ok(address)));
    });
    const guarded = guardedLookup({ allowPrivateNetworks: false, lookup: dns });
    await expect(resolve(guarded, 'public.test', false)).resolves.toBe('93.184.215.14');
    await expect(resolve(guarded, 'public.test', true)).resolves.toEqual([{ address: '93.184.215.14', family: 4 }]);
    await expect(resolve(guarded, 'rebinding.test', true)).rejects.toThrow(/127\.0\.0\.1/);
    await expect(resolve(guardedLookup({ allowPrivateNetworks: true, lookup: dns }), 'rebinding.test', true)).resolves.toHaveLength(2);
  });
});
