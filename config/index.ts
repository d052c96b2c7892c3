// The one place that reads the environment. Everything is validated at start; bad fields are named together.
import { fileURLToPath } from 'node:url';
import { parseEncryptionKeys, type EncryptionKey } from '../db/secrets.js';

export interface IntuitConfig {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Base of the Accounting API, e.g. https://quickbooks.api.intuit.com */
  apiBaseUrl: string;
  authorizeUrl: string;
  tokenUrl: string;
  revokeUrl: string;
  userInfoUrl: string;
  minorVersion: number;
  /** Requests per minute we allow ourselves per realm (Intuit's limit is 500). */
  requestsPerMinute: number;
  /** Refresh the access token when it has less than this left. */
  refreshMarginSeconds: number;
  /** How long to wait after a 429 before trying again (Intuit asks for 60 seconds). */
  throttleBackoffSeconds: number;
  /** The app's webhook verifier tokens (the first is current; older ones during a rotation); none refuses every notification. */
  webhookVerifierTokens: string[];
  /** How often each connection's change feed (CDC) runs: the safety net under the webhooks. */
  changeFeedIntervalSeconds: number;
}

export interface TemporalConfig {
  address: string;
  namespace: string;
  taskQueue: string;
  /** Temporal UI base, for links printed to people. */
  uiUrl: string | undefined;
  tls: { certPath: string; keyPath: string } | undefined;
  apiKey: string | undefined;
}

/** QuickBooks Desktop through the Web Connector (QBD_* variables). */
export interface QbdConfig {
  /** Requests per qbXML message, and the message size they must fit in. */
  maxRequestsPerMessage: number;
  maxMessageBytes: number;
  /** Largest SOAP request accepted from a Web Connector (a whole qbXML response travels in one). */
  maxSoapBytes: number;
  /**
   * Largest SOAP request accepted before a credential is known: every call except receiveResponseXML carrying an
   * open session's ticket must fit in it, so a stranger's body is refused before it costs any parsing.
   */
  maxSoapBytesWithoutTicket: number;
  /** MaxReturned per page when importing lists with iterators. */
  listPageSize: number;
  /** How long the endpoint waits for follow-up work before answering receiveResponseXML or sendRequestXML. */
  longPollMs: number;
  /** After a ledger operation ends, the session stays open this long for the workflow's next step. */
  followUpGraceMs: number;
  /** A ledger operation's hold on the session lasts this long after each send (the next send renews it). */
  holdSeconds: number;
  /** A session with nothing to send for this long ends instead of waiting (NoOp) any longer. */
  maxIdleSeconds: number;
  /** A new log-in while another session sent a message less than this ago answers busy. */
  busySeconds: number;
  /** What busy asks the Web Connector to wait. */
  postponeSeconds: number;
  /** connectionError answers with the company file path this many times, then "done". */
  connectionRetries: number;
  /**
   * Failed log-ins for one Web Connector user within lockoutMinutes after which the sources that failed are locked
   * out of that user (a source that never failed still signs in with the right password).
   */
  lockoutFailures: number;
  lockoutMinutes: number;
  /** A workflow waiting for the Web Connector runs its step again this often even without a wake-up (a safety net). */
  recheckSeconds: number;
  /** Back-pressure: queued requests per connection beyond which new operations wait for room without queueing. */
  maxQueuedPerConnection: number;
  /** Failed log-ins one source (IP address, IPv6 /64) may make in lockoutMinutes before each next try must wait. */
  throttleFreeFailures: number;
  /** The Web Connector contract served at GET /qbwc?wsdl. */
  wsdlPath: string;
}

/** The worker process (WORKER_* variables). */
export interface WorkerConfig {
  /**
   * Workflows kept in memory between their tasks. Orders finish within a task or two, so a few hundred suffice;
   * one evicted is replayed from its history when it wakes (more CPU, never a wrong result).
   */
  maxCachedWorkflows: number;
  /** A workflow bundle built beforehand (`npm run build:workflows`); without one the worker bundles at start in a child process. */
  workflowBundlePath: string | undefined;
  /** Port of the worker's /health/live and /health/ready listener (WORKER_HEALTH_PORT); none when absent. */
  healthPort: number | undefined;
  /** How long a stopping worker lets in-flight activities finish before cancelling them (WORKER_SHUTDOWN_GRACE_SECONDS). */
  shutdownGraceSeconds: number;
}

/** Outbound webhooks (WEBHOOKS_* variables). */
export interface WebhooksConfig {
  /** Allow endpoints on private, loopback and link-local addresses (local development only). */
  allowPrivateNetworks: boolean;
}

export interface Config {
  host: string;
  port: number;
  publicUrl: string;
  /** Fastify's trustProxy: whose X-Forwarded-For to believe (false: the socket's address is the client's). */
  trustProxy: boolean | number | string[];
  logLevel: string;
  databaseUrl: string;
  operatorToken: string;
  encryptionKeys: EncryptionKey[];
  temporal: TemporalConfig;
  intuit: IntuitConfig;
  /** Largest accepted JSON body, in bytes. */
  bodyLimit: number;
  qbd: QbdConfig;
  lifecycle: LifecycleConfig;
  mail: MailConfig;
  webhooks: WebhooksConfig;
  worker: WorkerConfig;
}

/** The connection lifecycle workflow's timings (CONNECTION_* variables). */
export interface LifecycleConfig {
  /** First reminder this long before the re-authorisation deadline (default 7 days). */
  reminderLeadSeconds: number;
  /** Last reminder this long before it (default 1 day). */
  finalReminderSeconds: number;
  /** Continue-as-new once the history has this many events. */
  historyLimit: number;
  /** How often paused work re-checks the connection, besides being woken on reconnection. */
  pausedWorkCheckSeconds: number;
}

export interface MailConfig {
  /** smtp(s)://user:pass@host:port; no mail is sent when absent. */
  smtpUrl: string | undefined;
  from: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

const INTUIT_DEFAULTS = {
  INTUIT_API_BASE_URL: 'https://quickbooks.api.intuit.com',
  INTUIT_AUTHORIZE_URL: 'https://appcenter.intuit.com/connect/oauth2',
  INTUIT_TOKEN_URL: 'https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer',
  INTUIT_REVOKE_URL: 'https://developer.api.intuit.com/v2/oauth2/tokens/revoke',
  INTUIT_USERINFO_URL: 'https://accounts.platform.intuit.com/v1/openid_connect/userinfo',
};

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);

  const port = read.integer('PORT', 3000, 0, 65535);
  const host = read.string('HOST', '127.0.0.1');
  const publicUrl = read.url('PUBLIC_URL', `http://localhost:${port}`).replace(/\/$/, '');
  const databaseUrl = read.required('DATABASE_URL', 'a PostgreSQL URL, e.g. postgres://postgres@127.0.0.1:5432/qbflow');
  const operatorToken = read.required('OPERATOR_TOKEN', 'a long random string that authorises tenant creation');
  if (operatorToken && operatorToken.length < 24) problems.push('OPERATOR_TOKEN must be at least 24 characters');

  let encryptionKeys: EncryptionKey[] = [];
  const keysText = read.required('ENCRYPTION_KEYS', '"id:base64-32-byte-key[,older-id:key]"');
  if (keysText) {
    try {
      encryptionKeys = parseEncryptionKeys(keysText);
      for (const k of encryptionKeys) if (k.key.length !== 32) problems.push(`ENCRYPTION_KEYS: key "${k.id}" is not 32 bytes`);
      if (encryptionKeys.length === 0) problems.push('ENCRYPTION_KEYS lists no key');
    } catch (error) {
      problems.push(`ENCRYPTION_KEYS: ${(error as Error).message}`);
    }
  }

  const certPath = env.TEMPORAL_TLS_CERT;
  const keyPath = env.TEMPORAL_TLS_KEY;
  if (Boolean(certPath) !== Boolean(keyPath)) problems.push('TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together');
  const temporal: TemporalConfig = {
    address: read.required('TEMPORAL_ADDRESS', 'host:port of the Temporal frontend, e.g. 127.0.0.1:7233'),
    namespace: read.string('TEMPORAL_NAMESPACE', 'default'),
    taskQueue: read.string('TEMPORAL_TASK_QUEUE', 'qbflow'),
    uiUrl: env.TEMPORAL_UI_URL ? read.url('TEMPORAL_UI_URL', '') : undefined,
    tls: certPath && keyPath ? { certPath, keyPath } : undefined,
    apiKey: env.TEMPORAL_API_KEY || undefined,
  };

  const intuit: IntuitConfig = {
    clientId: read.required('INTUIT_CLIENT_ID', 'the app\'s client id from developer.intuit.com'),
    clientSecret: read.required('INTUIT_CLIENT_SECRET', 'the app\'s client secret'),
    redirectUri: read.url('INTUIT_REDIRECT_URI', `${publicUrl}/v1/oauth/callback`),
    apiBaseUrl: read.url('INTUIT_API_BASE_URL', INTUIT_DEFAULTS.INTUIT_API_BASE_URL).replace(/\/$/, ''),
    authorizeUrl: read.url('INTUIT_AUTHORIZE_URL', INTUIT_DEFAULTS.INTUIT_AUTHORIZE_URL),
    tokenUrl: read.url('INTUIT_TOKEN_URL', INTUIT_DEFAULTS.INTUIT_TOKEN_URL),
    revokeUrl: read.url('INTUIT_REVOKE_URL', INTUIT_DEFAULTS.INTUIT_REVOKE_URL),
    userInfoUrl: read.url('INTUIT_USERINFO_URL', INTUIT_DEFAULTS.INTUIT_USERINFO_URL),
    minorVersion: read.integer('INTUIT_MINOR_VERSION', 75, 75, 999),
    requestsPerMinute: read.integer('INTUIT_REQUESTS_PER_MINUTE', 490, 1, 500),
    refreshMarginSeconds: read.integer('INTUIT_REFRESH_MARGIN_SECONDS', 300, 0, 3000),
    throttleBackoffSeconds: read.integer('INTUIT_THROTTLE_BACKOFF_SECONDS', 60, 1, 3600),
    webhookVerifierTokens: (env.INTUIT_WEBHOOK_VERIFIER_TOKEN ?? '').split(',').map((t) => t.trim()).filter((t) => t !== ''),
    changeFeedIntervalSeconds: read.integer('INTUIT_CHANGE_FEED_INTERVAL_SECONDS', 900, 1, 86_400),
  };

  const config: Config = {
    host,
    port,
    publicUrl,
    trustProxy: readTrustProxy(read),
    logLevel: read.string('LOG_LEVEL', 'info'),
    databaseUrl,
    operatorToken,
    encryptionKeys,
    temporal,
    intuit,
    bodyLimit: read.integer('BODY_LIMIT_BYTES', 1_048_576, 1024, 50 * 1_048_576),
    qbd: readQbdConfig(read),
    lifecycle: {
      reminderLeadSeconds: read.integer('CONNECTION_REMINDER_LEAD_SECONDS', 7 * 86_400, 1, 365 * 86_400),
      finalReminderSeconds: read.integer('CONNECTION_FINAL_REMINDER_SECONDS', 86_400, 1, 365 * 86_400),
      historyLimit: read.integer('CONNECTION_HISTORY_LIMIT', 2000, 20, 50_000),
      pausedWorkCheckSeconds: read.integer('PAUSED_WORK_CHECK_SECONDS', 300, 1, 86_400),
    },
    mail: {
      smtpUrl: env.SMTP_URL || undefined,
      from: read.string('MAIL_FROM', 'qbflow <no-reply@localhost>'),
    },
    webhooks: {
      allowPrivateNetworks: read.boolean('WEBHOOKS_ALLOW_PRIVATE_NETWORKS', false),
    },
    worker: {
      maxCachedWorkflows: read.integer('WORKER_MAX_CACHED_WORKFLOWS', 250, 2, 100_000),
      workflowBundlePath: env.WORKFLOW_BUNDLE_PATH || undefined,
      healthPort: env.WORKER_HEALTH_PORT ? read.integer('WORKER_HEALTH_PORT', 0, 0, 65535) : undefined,
      shutdownGraceSeconds: read.integer('WORKER_SHUTDOWN_GRACE_SECONDS', 30, 0, 3600),
    },
  };
  if (env.SMTP_URL && !/^smtps?:\/\/[^/]+/.test(env.SMTP_URL)) problems.push('SMTP_URL must look like smtp://user:password@host:587 or smtps://…');
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

const DEFAULT_WSDL_PATH = fileURLToPath(new URL('../api/qbwc/QBWebConnectorSvc.wsdl', import.meta.url));

function readQbdConfig(read: EnvReader): QbdConfig {
  return {
    maxRequestsPerMessage: read.integer('QBD_MAX_REQUESTS_PER_MESSAGE', 50, 1, 500),
    maxMessageBytes: read.integer('QBD_MAX_MESSAGE_BYTES', 100_000, 1024, 10_000_000),
    maxSoapBytes: read.integer('QBD_MAX_SOAP_BYTES', 20 * 1_048_576, 65_536, 200 * 1_048_576),
    maxSoapBytesWithoutTicket: read.integer('QBD_MAX_SOAP_BYTES_WITHOUT_TICKET', 65_536, 4096, 1_048_576),
    listPageSize: read.integer('QBD_LIST_PAGE_SIZE', 200, 1, 1000),
    longPollMs: read.integer('QBD_LONG_POLL_MS', 5000, 0, 60_000),
    followUpGraceMs: read.integer('QBD_FOLLOW_UP_GRACE_MS', 3000, 0, 60_000),
    holdSeconds: read.integer('QBD_HOLD_SECONDS', 60, 1, 3600),
    maxIdleSeconds: read.integer('QBD_MAX_IDLE_SECONDS', 300, 1, 86_400),
    busySeconds: read.integer('QBD_BUSY_SECONDS', 30, 0, 3600),
    postponeSeconds: read.integer('QBD_POSTPONE_SECONDS', 60, 1, 86_400),
    connectionRetries: read.integer('QBD_CONNECTION_RETRIES', 1, 0, 10),
    lockoutFailures: read.integer('QBD_LOCKOUT_FAILURES', 5, 1, 100),
    lockoutMinutes: read.integer('QBD_LOCKOUT_MINUTES', 15, 1, 1440),
    recheckSeconds: read.integer('QBD_RECHECK_SECONDS', 900, 1, 86_400),
    maxQueuedPerConnection: read.integer('QBD_MAX_QUEUED_PER_CONNECTION', 1000, 1, 1_000_000),
    throttleFreeFailures: read.integer('QBD_THROTTLE_FREE_FAILURES', 5, 1, 100),
    wsdlPath: read.string('QBD_WSDL_PATH', DEFAULT_WSDL_PATH),
  };
}

/** TRUST_PROXY: unset or false; true (any proxy); a hop count; or the proxies' addresses/CIDRs, comma-separated. */
function readTrustProxy(read: EnvReader): Config['trustProxy'] {
  const text = read.string('TRUST_PROXY', 'false').trim();
  if (text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  return text.split(',').map((part) => part.trim()).filter(Boolean);
}

/** Reads typed values and records every problem instead of stopping at the first. */
class EnvReader {
  constructor(private readonly env: Env, private readonly problems: string[]) {}

  string(name: string, fallback: string): string {
    const value = this.env[name];
    return value === undefined || value === '' ? fallback : value;
  }

  required(name: string, hint: string): string {
    const value = this.env[name];
    if (value === undefined || value === '') {
      this.problems.push(`${name} is required (${hint})`);
      return '';
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const text = this.env[name];
    if (text === undefined || text === '') return fallback;
    if (text === 'true' || text === 'false') return text === 'true';
    this.problems.push(`${name} must be true or false (got "${text}")`);
    return fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const text = this.env[name];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${text}")`);
      return fallback;
    }
    return value;
  }

  url(name: string, fallback: string): string {
    const text = this.string(name, fallback);
    try {
      const url = new URL(text);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
      return text;
    } catch {
      this.problems.push(`${name} must be an http(s) URL (got "${text}")`);
      return fallback;
    }
  }
}
