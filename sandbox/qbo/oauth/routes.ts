// Intuit's OAuth 2.0 endpoints: authorize (consent page or auto-approve), token (authorization_code,
// refresh_token), revoke, and a minimal OpenID userinfo. Client authentication is HTTP Basic.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { intuitTid } from '../api/http.js';
import type { SandboxState } from '../state.js';
import { consentPage, errorPage } from './pages.js';
import type { OAuthError, TokenSet } from './store.js';

const ACCOUNTING_SCOPE = 'com.intuit.quickbooks.accounting';

type Params = Record<string, string | undefined>;

function params(source: unknown): Params {
  const out: Params = {};
  if (typeof source !== 'object' || source === null) return out;
  for (const [key, value] of Object.entries(source)) if (typeof value === 'string') out[key] = value;
  return out;
}

function redirectTo(reply: FastifyReply, redirectUri: string, values: Params): FastifyReply {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(values)) if (value !== undefined) url.searchParams.set(key, value);
  return reply.redirect(url.toString(), 302);
}

function oauthJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).headers({ intuit_tid: intuitTid(), 'cache-control': 'no-store' }).type('application/json;charset=utf-8').send(JSON.stringify(body));
}

export async function oauthRoutes(app: FastifyInstance, state: SandboxState): Promise<void> {
  const { options } = state;

  function redirectAllowed(uri: string | undefined): uri is string {
    if (!uri) return false;
    if (options.redirectUris) return options.redirectUris.includes(uri);
    try {
      const protocol = new URL(uri).protocol;
      return protocol === 'http:' || protocol === 'https:';
    } catch {
      return false;
    }
  }

  /** Problems Intuit shows on its own page, never redirecting (unknown app, unregistered redirect). */
  function pageProblem(p: Params): string | undefined {
    if (p.client_id !== options.clientId) return `The client_id "${p.client_id ?? ''}" does not belong to a registered app.`;
    if (!redirectAllowed(p.redirect_uri)) return 'The redirect_uri query parameter value is invalid. Make sure it is listed in the Redirect URIs section of your app and matches it exactly.';
    if (p.sandbox_realm !== undefined && !state.companies.get(p.sandbox_realm)) return `There is no sandbox company with realm ${p.sandbox_realm}.`;
    return undefined;
  }

  /** Problems reported back to the app on its redirect URI, as OAuth prescribes. */
  function redirectProblem(p: Params): string | undefined {
    if (p.response_type !== 'code') return 'unsupported_response_type';
    if (!(p.scope ?? '').split(/\s+/).includes(ACCOUNTING_SCOPE)) return 'invalid_scope';
    return undefined;
  }

  function approve(reply: FastifyReply, p: Params, realm: string | undefined): FastifyReply {
    const realmId = realm && realm !== 'new' ? realm : state.companies.create().realmId;
    const code = state.oauth.issueCode(options.clientId, p.redirect_uri as string, realmId);
    return redirectTo(reply, p.redirect_uri as string, { code, state: p.state, realmId });
  }

  const authorize = async (request: FastifyRequest, reply: FastifyReply) => {
    const p = params(request.query);
    const problem = pageProblem(p);
    if (problem) return reply.code(400).type('text/html; charset=utf-8').send(errorPage('Something went wrong', problem));
    const error = redirectProblem(p);
    if (error) return redirectTo(reply, p.redirect_uri as string, { error, state: p.state });
    if (options.autoApprove) return approve(reply, p, p.sandbox_realm);
    const companies = state.companies.list().map((c) => ({ realmId: c.realmId, name: c.settings.name }));
    return reply
      .type('text/html; charset=utf-8')
      .send(consentPage({ clientId: options.clientId, redirectUri: p.redirect_uri as string, scope: p.scope as string, state: p.state, companies, selectedRealm: p.sandbox_realm }));
  };

  const decide = async (request: FastifyRequest, reply: FastifyReply) => {
    const p = { ...params(request.query), ...params(request.body) };
    const problem = pageProblem(p) ?? (p.realm && p.realm !== 'new' && !state.companies.get(p.realm) ? `There is no sandbox company with realm ${p.realm}.` : undefined);
    if (problem) return reply.code(400).type('text/html; charset=utf-8').send(errorPage('Something went wrong', problem));
    const error = redirectProblem(p);
    if (error) return redirectTo(reply, p.redirect_uri as string, { error, state: p.state });
    if (p.decision !== 'approve') return redirectTo(reply, p.redirect_uri as string, { error: 'access_denied', state: p.state });
    return approve(reply, p, p.realm);
  };

  app.get('/oauth2/authorize', authorize);
  app.get('/connect/oauth2', authorize);
  app.post('/oauth2/authorize', decide);
  app.post('/connect/oauth2', decide);

  function clientOf(request: FastifyRequest): string | undefined {
    const match = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match?.[1]) return undefined;
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const [id, secret] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
    return id === options.clientId && secret === options.clientSecret ? id : undefined;
  }

  app.post('/oauth2/v1/tokens/bearer', async (request, reply) => {
    const clientId = clientOf(request);
    if (!clientId) return oauthJson(reply, 401, { error: 'invalid_client' });
    const p = params(request.body);
    const includeHard = String(request.headers['x-include-refresh-token-hard-expires-in']).toLowerCase() === 'true';
    let result: TokenSet | OAuthError;
    if (p.grant_type === 'authorization_code') result = state.oauth.exchangeCode(clientId, p.code, p.redirect_uri, includeHard);
    else if (p.grant_type === 'refresh_token') result = state.oauth.refresh(clientId, p.refresh_token, includeHard);
    else return oauthJson(reply, 400, { error: 'unsupported_grant_type' });
    if (state.oauth.responseDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.oauth.responseDelayMs));
    return oauthJson(reply, 'error' in result ? 400 : 200, result);
  });

  const revoke = async (request: FastifyRequest, reply: FastifyReply) => {
    const clientId = clientOf(request);
    if (!clientId) return oauthJson(reply, 401, { error: 'invalid_client' });
    const token = params(request.body).token;
    if (!token) return oauthJson(reply, 400, { error: 'invalid_request' });
    state.oauth.revoke(clientId, token);
    return reply.code(200).header('intuit_tid', intuitTid()).send();
  };
  app.post('/oauth2/v1/tokens/revoke', revoke);
  app.post('/v2/oauth2/tokens/revoke', revoke);

  app.get('/v1/openid_connect/userinfo', async (request, reply) => {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    const access = state.oauth.checkAccess(match?.[1]);
    if (!access.ok) return oauthJson(reply, 401, { error: 'invalid_token' });
    return oauthJson(reply, 200, {
      sub: access.grantId,
      givenName: 'Sandbox',
      familyName: 'User',
      email: 'sandbox.user@example.com',
      emailVerified: true,
    });
  });
}
