// Where a tenant's webhook may point: public unicast addresses only (ipaddr.js classifies them), unless local
// development allows private networks. Checked on the URL at registration (every address its host resolves to must
// be public) and again on each address actually connected to at delivery, since a name may re-resolve elsewhere
// (DNS rebinding).
import { lookup as systemLookup, type LookupAddress, type LookupAllOptions, type LookupOptions } from 'node:dns';
import ipaddr from 'ipaddr.js';

/** Public unicast addresses that still answer as a cloud platform's own service (not a tenant's server). */
const PLATFORM_ADDRESSES = new Set([
  '168.63.129.16', // Azure WireServer (metadata, health, DHCP)
]);

/** Names that always mean this machine or a cloud's metadata service, whatever DNS says. */
const LOCAL_NAMES = /^(localhost|localhost\.localdomain|ip6-localhost|ip6-loopback|metadata|metadata\.google\.internal)$|\.(localhost|internal)$/i;

/** Why an address may not be reached by webhooks, or undefined when it is public. */
export function nonPublicReason(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return 'is not an IP address';
  let parsed = ipaddr.parse(address);
  // ::ffff:127.0.0.1 is 127.0.0.1 on a dual-stack socket
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  if (range !== 'unicast') return `is a ${range} address`;
  if (PLATFORM_ADDRESSES.has(parsed.toString())) return 'is a cloud platform address';
  return undefined;
}

/** The host of a URL as the resolver sees it: IPv6 literals lose their brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** A refusal for names that mean this machine, whatever they resolve to. */
export function localNameReason(host: string): string | undefined {
  return LOCAL_NAMES.test(host.replace(/\.$/, '')) ? 'names this machine or a metadata service' : undefined;
}

export type LookupAll = (hostname: string) => Promise<LookupAddress[]>;

export const systemLookupAll: LookupAll = (hostname) => new Promise((resolve, reject) => {
  systemLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses)));
});

export class AddressRefused extends Error {
  readonly code = 'EADDRREFUSED_WEBHOOK';
}

/**
 * Checks a webhook URL before it is stored: the scheme, the name, and every address the name resolves to now.
 * Returns the reason it is refused, in words for the tenant, or undefined when it may be used.
 */
export async function webhookUrlProblem(text: string, options: { allowPrivateNetworks: boolean; lookup?: LookupAll }): Promise<string | undefined> {
  const url = new URL(text);
  const host = hostOf(url);
  const refused = (reason: string) => `The webhook host ${url.hostname} ${reason}; webhooks go to public addresses only`;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The webhook URL must use https';
  if (url.username || url.password) return 'The webhook URL must not carry a user name or password; verify deliveries with the signature header instead';
  if (options.allowPrivateNetworks) return undefined;
  if (url.protocol !== 'https:') return 'The webhook URL must use https';
  const byName = localNameReason(host);
  if (byName) return refused(byName);
  if (ipaddr.isValid(host)) {
    const reason = nonPublicReason(host);
    return reason ? refused(reason) : undefined;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await (options.lookup ?? systemLookupAll)(host);
  } catch {
    return `The webhook host ${url.hostname} could not be resolved; register a name that resolves to public addresses`;
  }
  if (addresses.length === 0) return `The webhook host ${url.hostname} has no address`;
  for (const { address } of addresses) {
    const reason = nonPublicReason(address);
    if (reason) return refused(`resolves to ${address}, which ${reason}`);
  }
  return undefined;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node:net/http that resolves as usual and refuses the connection when any address is not public:
 * the address checked is the address connected to, so a name that re-resolves to 127.0.0.1 is refused.
 */
export function guardedLookup(options: { allowPrivateNetworks: boolean; lookup?: LookupAll }) {
  const resolveAll = options.lookup ?? systemLookupAll;
  return (hostname: string, lookupOptions: LookupOptions | LookupAllOptions, callback: LookupCallback): void => {
    resolveAll(hostname).then((found) => {
      const family = lookupOptions.family === 'IPv4' ? 4 : lookupOptions.family === 'IPv6' ? 6 : lookupOptions.family;
      const addresses = family ? found.filter((a) => a.family === family) : found;
      if (addresses.length === 0) throw Object.assign(new Error(`${hostname} has no usable address`), { code: 'ENOTFOUND' });
      if (!options.allowPrivateNetworks) {
        for (const { address } of addresses) {
          const reason = nonPublicReason(address);
          if (reason) throw new AddressRefused(`${hostname} resolves to ${address}, which ${reason}`);
        }
      }
      if (lookupOptions.all) callback(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    }).catch((error: NodeJS.ErrnoException) => callback(error, ''));
  };
}
