import OAuthClient from 'intuit-oauth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock, request, startSandbox, type Harness } from './helpers.js';

const REDIRECT = 'http://localhost:5055/v1/oauth/callback';
const GRACE_SECONDS = 60;

function oauthClient(harness: Harness, options: { includeRefreshTokenHardExpiresIn?: boolean } = {}): OAuthClient {
  const client = new OAuthClient({
    environment: 'sandbox',
    clientId: harness.sandbox.clientId,
    clientSecret: harness.sandbox.clientSecret,
    redirectUri: REDIRECT,
    ...options,
  });
  const urls = harness.sandbox.endpoints();
  client.setAuthorizeURLs({
    authorizeEndpoint: urls.authorizeEndpoint,
    tokenEndpoint: urls.tokenEndpoint,
    revokeEndpoint: urls.revokeEndpoint,
    userInfoEndpoint: urls.userInfoEndpoint,
  });
  return client;
}

/** Follows the authorize redirect as a browser would, without following it to the app. */
async function authorize(client: OAuthClient, extra: Record<string, string> = {}): Promise<string> {
  const uri = new URL(client.authorizeUri({ scope: [OAuthClient.scopes.Accounting], state: 'state-123' }));
  for (const [key, value] of Object.entries(extra)) uri.searchParams.set(key, value);
  const response = await fetch(uri, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return response.headers.get('location') as string;
}

async function companyInfo(harness: Harness, realmId: string, accessToken: string) {
  return request(`${harness.url}/v3/company/${realmId}/companyinfo/${realmId}?minorversion=75`, {
    headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
  });
}

describe('OAuth 2.0 with intuit-oauth', () => {
  let harness: Harness;
  const clock = manualClock();

  beforeEach(async () => {
    harness = await startSandbox({ now: clock.now, refreshTokenGraceSeconds: GRACE_SECONDS });
  });
  afterEach(() => harness.close());

  it('authorizes, exchanges the code, calls the API and rotates the refresh token', async () => {
    const client = oauthClient(harness);
    const callback = await authorize(client);
    const redirect = new URL(callback);
    expect(`${redirect.origin}${redirect.pathname}`).toBe(REDIRECT);
    expect(redirect.searchParams.get('state')).toBe('state-123');
    const realmId = redirect.searchParams.get('realmId') as string;
    expect(realmId).toMatch(/^\d{16}$/);

    const created = await client.createToken(callback);
    const first = created.getJson();
    expect(first).toMatchObject({ token_type: 'bearer', expires_in: 3600, x_refresh_token_expires_in: 8_640_000 });
    expect(first.x_refresh_token_hard_expires_in).toBeUndefined();
    expect(client.getToken().realmId).toBe(realmId);

    const info = await companyInfo(harness, realmId, first.access_token);
    expect(info.status).toBe(200);
    expect(info.body.CompanyInfo.Id).toBe(realmId);

    const refreshed = (await client.refresh()).getJson();
    expect(refreshed.refresh_token).not.toBe(first.refresh_token);
    expect(refreshed.access_token).not.toBe(first.access_token);
    // The old access token stays valid until it expires, as Intuit's do.
    expect((await companyInfo(harness, realmId, first.access_token)).status).toBe(200);

    // Inside the grace period the previous refresh token still works and yields the newest one.
    clock.advance((GRACE_SECONDS - 1) * 1000);
    const replay = (await client.refreshUsingToken(first.refresh_token)).getJson();
    expect(replay.refresh_token).toBe(refreshed.refresh_token);

    clock.advance(2000);
    await expect(client.refreshUsingToken(first.refresh_token)).rejects.toMatchObject({ error: 'invalid_grant' });
    const next = (await client.refreshUsingToken(refreshed.refresh_token)).getJson();
    expect(next.refresh_token).not.toBe(refreshed.refresh_token);
  });

  it('rejects a reused authorization code with invalid_grant', async () => {
    const client = oauthClient(harness);
    const callback = await authorize(client);
    await client.createToken(callback);
    await expect(oauthClient(harness).createToken(callback)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('rejects an expired code and a code sent with another redirect_uri', async () => {
    const client = oauthClient(harness);
    const callback = await authorize(client);
    const other = new OAuthClient({ environment: 'sandbox', clientId: harness.sandbox.clientId, clientSecret: harness.sandbox.clientSecret, redirectUri: 'http://localhost:5055/elsewhere' });
    await expect(other.createToken(callback)).rejects.toMatchObject({ error: 'invalid_grant' });
    const late = await authorize(client);
    clock.advance(301_000);
    await expect(client.createToken(late)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('revoke kills the whole grant: refresh gets invalid_grant and the API answers 401', async () => {
    const client = oauthClient(harness);
    const callback = await authorize(client);
    const token = (await client.createToken(callback)).getJson();
    const realmId = new URL(callback).searchParams.get('realmId') as string;
    await client.revoke({ refresh_token: token.refresh_token });
    await expect(client.refreshUsingToken(token.refresh_token)).rejects.toMatchObject({ error: 'invalid_grant' });
    const api = await companyInfo(harness, realmId, token.access_token);
    expect(api.status).toBe(401);
    expect(api.body.fault.error[0]).toMatchObject({ code: '3200', message: 'message=AuthenticationFailed; errorCode=003200; statusCode=401' });
  });

  it('reports the hard expiry when asked, and the rolling expiry never passes it', async () => {
    await harness.close();
    harness = await startSandbox({ now: clock.now, hardExpirySeconds: 150 * 86_400 });
    const client = oauthClient(harness, { includeRefreshTokenHardExpiresIn: true });
    const first = (await client.createToken(await authorize(client))).getJson();
    expect(first.x_refresh_token_hard_expires_in).toBe(150 * 86_400);
    expect(first.x_refresh_token_expires_in).toBe(100 * 86_400);

    clock.advance(90 * 86_400_000);
    const later = (await client.refreshUsingToken(first.refresh_token)).getJson();
    expect(later.x_refresh_token_hard_expires_in).toBe(60 * 86_400);
    expect(later.x_refresh_token_expires_in).toBe(60 * 86_400);

    clock.advance(60 * 86_400_000);
    await expect(client.refreshUsingToken(later.refresh_token)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('reconnects an existing realm with sandbox_realm', async () => {
    const realmId = harness.sandbox.companies.create({ name: 'Existing' }).realmId;
    const client = oauthClient(harness);
    const callback = await authorize(client, { sandbox_realm: realmId });
    expect(new URL(callback).searchParams.get('realmId')).toBe(realmId);
    expect(harness.sandbox.companies.list()).toHaveLength(1);
  });

  it('expired access tokens get 401 and a token is bound to its realm (403)', async () => {
    const client = oauthClient(harness);
    const callback = await authorize(client);
    const token = (await client.createToken(callback)).getJson();
    const realmId = new URL(callback).searchParams.get('realmId') as string;
    const other = harness.sandbox.companies.create().realmId;
    const wrongRealm = await companyInfo(harness, other, token.access_token);
    expect(wrongRealm.status).toBe(403);
    expect(wrongRealm.body.fault.error[0].code).toBe('3100');

    clock.advance(3600_000);
    const expired = await companyInfo(harness, realmId, token.access_token);
    expect(expired.status).toBe(401);
    expect(expired.body.fault.error[0].detail).toMatch(/^Token expired/);
    expect(expired.headers.get('www-authenticate')).toContain('invalid_token');
  });

  it('refuses bad client credentials with 401 invalid_client', async () => {
    const client = oauthClient(harness);
    const callback = await authorize(client);
    const impostor = new OAuthClient({ environment: 'sandbox', clientId: harness.sandbox.clientId, clientSecret: 'wrong', redirectUri: REDIRECT });
    const error = await impostor.createToken(callback).catch((e: { error: string; authResponse: { response: { status: number } } }) => e);
    expect(error).toMatchObject({ error: 'invalid_client' });
    const raw = await request(harness.sandbox.endpoints().tokenEndpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=refresh_token&refresh_token=x' });
    expect(raw.status).toBe(401);
    expect(raw.body).toEqual({ error: 'invalid_client' });
  });

  it('shows an error page, not a redirect, for an unknown client or redirect URI', async () => {
    await harness.close();
    harness = await startSandbox({ now: clock.now, redirectUris: [REDIRECT] });
    const base = harness.sandbox.endpoints().authorizeEndpoint;
    const query = (clientId: string, redirectUri: string) =>
      `${base}?${new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri, response_type: 'code', scope: 'com.intuit.quickbooks.accounting', state: 's' })}`;
    const unknownClient = await fetch(query('nobody', REDIRECT), { redirect: 'manual' });
    expect(unknownClient.status).toBe(400);
    expect(unknownClient.headers.get('location')).toBeNull();
    expect(await unknownClient.text()).toContain('client_id');
    const badRedirect = await fetch(query(harness.sandbox.clientId, 'https://evil.example/cb'), { redirect: 'manual' });
    expect(badRedirect.status).toBe(400);
    expect(await badRedirect.text()).toContain('redirect_uri');
  });

  it('renders a consent page whose Connect button completes the flow', async () => {
    await harness.close();
    harness = await startSandbox({ now: clock.now, autoApprove: false });
    const existing = harness.sandbox.companies.create({ name: 'Bakery & Co' }).realmId;
    const client = oauthClient(harness);
    const uri = client.authorizeUri({ scope: [OAuthClient.scopes.Accounting], state: 'abc' });
    const page = await fetch(uri);
    const html = await page.text();
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('Bakery &#38; Co');
    expect(html).toMatch(/<button[^>]*value="approve"[^>]*>Connect<\/button>/);

    const form = new URLSearchParams({ decision: 'approve', realm: existing });
    for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(match[1] as string, (match[2] as string).replace(/&#38;/g, '&'));
    const posted = await fetch(uri, { method: 'POST', body: form, redirect: 'manual' });
    expect(posted.status).toBe(302);
    const callback = posted.headers.get('location') as string;
    expect(new URL(callback).searchParams.get('realmId')).toBe(existing);
    expect(new URL(callback).searchParams.get('state')).toBe('abc');
    const token = (await client.createToken(callback)).getJson();
    expect(token.access_token).toBeTruthy();

    form.set('decision', 'deny');
    const denied = await fetch(uri, { method: 'POST', body: form, redirect: 'manual' });
    expect(new URL(denied.headers.get('location') as string).searchParams.get('error')).toBe('access_denied');
  });

  it('serves intuit-oauth makeApiCall, whose errors carry Intuit’s fault code', async () => {
    const client = oauthClient(harness);
    const callback = await authorize(client);
    await client.createToken(callback);
    const realmId = new URL(callback).searchParams.get('realmId') as string;
    const base = `${harness.url}/v3/company/${realmId}`;
    const info = await client.makeApiCall({ url: `${base}/companyinfo/${realmId}?minorversion=75` });
    expect(info.json.CompanyInfo.Id).toBe(realmId);
    const created = await client.makeApiCall({ url: `${base}/customer?minorversion=75`, method: 'POST', body: { DisplayName: 'Via makeApiCall' } });
    expect(created.json.Customer.SyncToken).toBe('0');
    await expect(client.makeApiCall({ url: `${base}/customer?minorversion=75`, method: 'POST', body: { DisplayName: 'via MAKEAPICALL' } })).rejects.toMatchObject({ code: '6240' });
  });

  it('answers userinfo for a valid access token', async () => {
    const client = oauthClient(harness);
    await client.createToken(await authorize(client));
    const info = await client.getUserInfo();
    expect(info.getJson()).toMatchObject({ givenName: 'Sandbox', emailVerified: true });
  });
});
