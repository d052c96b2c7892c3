// Which origins a tenant may allow to frame its console and to receive people back from it, and whether a
// return URL goes to one of them. Pure: the API checks settings and links with these.

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** Why an origin cannot be allowed, or undefined: https (http only on this machine), scheme://host[:port] exactly. */
export function originProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not an origin (scheme://host[:port])';
  }
  if (url.origin !== text) return `is not an origin in its plain form (scheme://host[:port], e.g. ${url.origin})`;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL_HOSTS.includes(url.hostname))) return 'must use https (http only for localhost)';
  return undefined;
}

/** Why a return URL is refused, or undefined: http(s), and on one of the tenant's allowed origins. */
export function returnUrlProblem(text: string, allowedOrigins: readonly string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http(s) URL';
  if (url.username || url.password) return 'must not carry credentials';
  if (!allowedOrigins.includes(url.origin)) return `is not on an origin this tenant allows (set them with PATCH /v1/tenant {"consoleFrameOrigins": [...]})`;
  return undefined;
}
