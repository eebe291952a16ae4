/**
 * The only reader of process.env. Parsed and validated once; every invalid variable is reported
 * at once; the result is frozen. Every variable is documented in .env.example.
 */
import path from 'node:path';
import { ROLES } from './core/auth/roles.js';
import { decodeUrlPart } from './core/registry/validate.js';
import { parseVaultLocation, type VaultLocation } from './core/recording/vault-location.js';

export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string | undefined;
  readonly redirectUri: string;
  readonly rolesClaim: string;
  /** Maps an IdP claim value to a Proportio role, e.g. {"proportio-fg": "dpo"}. */
  readonly roleMap: Readonly<Record<string, string>>;
  readonly scopes: string;
  readonly label: string;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly masterKeyFile: string;
  readonly logLevel: string;
  readonly publicUrl: string | undefined;
  /** Behind TLS (directly or at a proxy): cookies get the Secure flag. */
  readonly secureCookies: boolean;
  readonly trustProxy: boolean;
  readonly sessionHours: number;
  readonly loginMaxFailures: number;
  readonly loginLockMinutes: number;
  readonly oidc: OidcConfig | undefined;
  readonly webDir: string;
  readonly mqtt: MqttConfig;
  /** The ffmpeg binary for recording (default: ffmpeg on PATH). */
  readonly ffmpegPath: string | undefined;
  /** The vault's local folder (default <dataDir>/vault): the recipient file, and clips unless vaultStore says otherwise. */
  readonly vaultDir: string;
  /**
   * Where sealed parts and manifests live (PROPORTIO_VAULT_URL): a folder (default <vaultDir>/clips)
   * or an S3-compatible bucket. Key material and custody never go there; they stay local.
   */
  readonly vaultStore: VaultStoreConfig;
  /** The vault's public key (age1…); when unset it is read from vaultRecipientFile. */
  readonly vaultRecipient: string | undefined;
  readonly vaultRecipientFile: string;
  /**
   * Free space the vault's disk must keep (MB, PROPORTIO_VAULT_MIN_FREE_MB, default 256): below it
   * the recorder seals nothing new and reports `vault.disk-full`. Nothing is ever deleted for space.
   */
  readonly vaultMinFreeMb: number;
  /** POST every alarm event here as JSON (building systems, pagers); optional. */
  readonly alarmWebhookUrl: string | undefined;
  readonly auditAnchor: AuditAnchorConfig;
}

export type VaultStoreConfig =
  | Extract<VaultLocation, { kind: 'folder' }>
  | (Extract<VaultLocation, { kind: 's3' }> & {
      /**
       * Path-style requests (https://host/bucket/key), as MinIO, Garage, Ceph and s3rver need
       * (PROPORTIO_VAULT_S3_PATH_STYLE; default: on when AWS_ENDPOINT_URL(_S3) names an endpoint).
       */
      readonly forcePathStyle: boolean;
    });

/** Signed anchors of the audit chain's head, outside the database (ADR 0002). */
export interface AuditAnchorConfig {
  /** Append-only JSON-lines file (default <dataDir>/audit-anchor.jsonl; point it at another disk or WORM storage). */
  readonly file: string;
  /** Ed25519 signing key (PKCS#8 PEM, 0600), created on first use next to the master key. */
  readonly keyFile: string;
  /** How often the server anchors the head (it also does at start and shutdown). */
  readonly intervalSeconds: number;
}

export interface MqttConfig {
  /** External broker (e.g. mqtt://127.0.0.1:1883 for Mosquitto); when unset the embedded listener runs. */
  readonly url: string | undefined;
  readonly username: string | undefined;
  readonly password: string | undefined;
  /** Port of the embedded MQTT listener (0 = any free port; -1 = off). */
  readonly listenPort: number;
  readonly listenHost: string;
  /** Topic prefix for buttons in and alarm events out. */
  readonly topicPrefix: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const intVar = (
  env: Env,
  name: string,
  dflt: number,
  min: number,
  max: number,
  problems: string[],
): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return dflt;
  }
  return n;
};

const boolVar = (env: Env, name: string, dflt: boolean, problems: string[]): boolean => {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  problems.push(`${name} must be true or false (got "${raw}")`);
  return dflt;
};

const urlVar = (
  env: Env,
  name: string,
  protocols: readonly string[],
  problems: string[],
): string | undefined => {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  try {
    const u = new URL(raw);
    if (!protocols.includes(u.protocol))
      problems.push(`${name} must use ${protocols.join(' or ')} (got ${u.protocol})`);
    // Clients (pg, mqtt) decode the credentials and would throw on a broken escape later.
    if (decodeUrlPart(u.username) === null || decodeUrlPart(u.password) === null) {
      problems.push(`${name} has a broken percent-escape (%XX) in its user name or password`);
      return undefined;
    }
    return raw;
  } catch {
    problems.push(`${name} is not a URL`);
    return undefined;
  }
};

const parseOidc = (env: Env, problems: string[]): OidcConfig | undefined => {
  const issuer = urlVar(env, 'PROPORTIO_OIDC_ISSUER', ['https:', 'http:'], problems);
  if (!issuer) return undefined;
  const clientId = env.PROPORTIO_OIDC_CLIENT_ID;
  if (!clientId) problems.push('PROPORTIO_OIDC_CLIENT_ID is required when PROPORTIO_OIDC_ISSUER is set');
  const redirectUri = urlVar(env, 'PROPORTIO_OIDC_REDIRECT_URI', ['https:', 'http:'], problems);
  if (!redirectUri)
    problems.push('PROPORTIO_OIDC_REDIRECT_URI is required when PROPORTIO_OIDC_ISSUER is set');
  let roleMap: Record<string, string> = {};
  const rawMap = env.PROPORTIO_OIDC_ROLE_MAP;
  if (rawMap) {
    try {
      const parsed: unknown = JSON.parse(rawMap);
      if (
        typeof parsed !== 'object' ||
        parsed === null ||
        Array.isArray(parsed) ||
        !Object.values(parsed).every((v) => typeof v === 'string')
      ) {
        throw new Error('shape');
      }
      roleMap = parsed as Record<string, string>;
    } catch {
      problems.push('PROPORTIO_OIDC_ROLE_MAP must be a JSON object mapping claim values to role names');
    }
    // A typo ("DPO") would silently give nobody that role: refuse it at start.
    const unknown = Object.values(roleMap).filter((r) => !(ROLES as readonly string[]).includes(r));
    if (unknown.length > 0)
      problems.push(
        `PROPORTIO_OIDC_ROLE_MAP names unknown role(s) ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`,
      );
  }
  // Codes, tokens and the client secret must not cross a network in clear text.
  const issuerUrl = new URL(issuer);
  if (
    issuerUrl.protocol === 'http:' &&
    !/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(issuerUrl.hostname)
  ) {
    problems.push('PROPORTIO_OIDC_ISSUER must use https (plain http only for a provider on this machine)');
  }
  return Object.freeze({
    issuer,
    clientId: clientId ?? '',
    clientSecret: env.PROPORTIO_OIDC_CLIENT_SECRET || undefined,
    redirectUri: redirectUri ?? '',
    rolesClaim: env.PROPORTIO_OIDC_ROLES_CLAIM || 'roles',
    roleMap: Object.freeze(roleMap),
    scopes: env.PROPORTIO_OIDC_SCOPES || 'openid profile email',
    label: env.PROPORTIO_OIDC_LABEL || 'Inloggen met de identiteitsprovider van de organisatie',
  });
};

/** The vault recipient is a public key; its shape is checked here, its validity by the vault. */
const recipientVar = (env: Env, problems: string[]): string | undefined => {
  const raw = env.PROPORTIO_VAULT_RECIPIENT?.trim();
  if (!raw) return undefined;
  if (!/^age1[02-9ac-hj-np-z]{58}$/.test(raw))
    problems.push('PROPORTIO_VAULT_RECIPIENT must be an age recipient (age1…, 62 characters)');
  return raw;
};

/** PROPORTIO_VAULT_URL: unset means the folder <vaultDir>/clips, as before there was a choice. */
const vaultStoreVar = (env: Env, cwd: string, vaultDir: string, problems: string[]): VaultStoreConfig => {
  const fallback: VaultStoreConfig = { kind: 'folder', path: path.join(vaultDir, 'clips') };
  const raw = env.PROPORTIO_VAULT_URL;
  if (raw === undefined || raw === '') return fallback;
  const parsed = parseVaultLocation(raw, (p) => path.resolve(cwd, p));
  if ('problem' in parsed) {
    problems.push(parsed.problem);
    return fallback;
  }
  const l = parsed.location;
  if (l.kind === 'folder') return l;
  const endpoint = Boolean(env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL);
  return { ...l, forcePathStyle: boolVar(env, 'PROPORTIO_VAULT_S3_PATH_STYLE', endpoint, problems) };
};

export const loadConfig = (
  env: Env = process.env,
  cwd: string = process.cwd(),
  packageRootDir: string = cwd,
): Config => {
  const problems: string[] = [];
  const dataDir = path.resolve(cwd, env.PROPORTIO_DATA_DIR || 'data');
  const databaseUrl = urlVar(env, 'PROPORTIO_DATABASE_URL', ['postgres:', 'postgresql:'], problems);
  const logLevel = env.PROPORTIO_LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push(
      `PROPORTIO_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${logLevel}")`,
    );
  }
  const publicUrl = urlVar(env, 'PROPORTIO_PUBLIC_URL', ['https:', 'http:'], problems);
  const vaultDir = path.resolve(cwd, env.PROPORTIO_VAULT_DIR || path.join(dataDir, 'vault'));
  const vaultStore = vaultStoreVar(env, cwd, vaultDir, problems);
  const masterKeyFile = path.resolve(cwd, env.PROPORTIO_MASTER_KEY_FILE || path.join(dataDir, 'master.key'));
  const config: Config = {
    port: intVar(env, 'PROPORTIO_PORT', 8080, 0, 65535, problems),
    host: env.PROPORTIO_HOST || '0.0.0.0',
    dataDir,
    databaseUrl,
    masterKeyFile,
    logLevel,
    publicUrl,
    secureCookies: boolVar(
      env,
      'PROPORTIO_SECURE_COOKIES',
      publicUrl?.startsWith('https:') ?? false,
      problems,
    ),
    trustProxy: boolVar(env, 'PROPORTIO_TRUST_PROXY', false, problems),
    sessionHours: intVar(env, 'PROPORTIO_SESSION_HOURS', 10, 1, 24 * 14, problems),
    loginMaxFailures: intVar(env, 'PROPORTIO_LOGIN_MAX_FAILURES', 5, 1, 100, problems),
    loginLockMinutes: intVar(env, 'PROPORTIO_LOGIN_LOCK_MINUTES', 15, 1, 24 * 60, problems),
    oidc: parseOidc(env, problems),
    mqtt: {
      url: urlVar(env, 'PROPORTIO_MQTT_URL', ['mqtt:', 'mqtts:', 'ws:', 'wss:'], problems),
      username: env.PROPORTIO_MQTT_USERNAME || undefined,
      password: env.PROPORTIO_MQTT_PASSWORD || undefined,
      listenPort: intVar(env, 'PROPORTIO_MQTT_PORT', 1883, -1, 65535, problems),
      listenHost: env.PROPORTIO_MQTT_HOST || '0.0.0.0',
      topicPrefix: (env.PROPORTIO_MQTT_TOPIC_PREFIX || 'proportio').replace(/\/+$/, ''),
    },
    alarmWebhookUrl: urlVar(env, 'PROPORTIO_ALARM_WEBHOOK_URL', ['https:', 'http:'], problems),
    auditAnchor: Object.freeze({
      file: path.resolve(cwd, env.PROPORTIO_AUDIT_ANCHOR_FILE || path.join(dataDir, 'audit-anchor.jsonl')),
      keyFile: path.resolve(
        cwd,
        env.PROPORTIO_AUDIT_ANCHOR_KEY_FILE || path.join(path.dirname(masterKeyFile), 'audit-anchor.key'),
      ),
      intervalSeconds: intVar(env, 'PROPORTIO_AUDIT_ANCHOR_INTERVAL_SECONDS', 300, 10, 24 * 3600, problems),
    }),
    ffmpegPath: env.PROPORTIO_FFMPEG ? path.resolve(cwd, env.PROPORTIO_FFMPEG) : undefined,
    vaultDir,
    vaultStore,
    vaultMinFreeMb: intVar(env, 'PROPORTIO_VAULT_MIN_FREE_MB', 256, 0, 10_000_000, problems),
    vaultRecipient: recipientVar(env, problems),
    vaultRecipientFile: path.resolve(
      cwd,
      env.PROPORTIO_VAULT_RECIPIENT_FILE || path.join(vaultDir, 'recipient.txt'),
    ),
    webDir: env.PROPORTIO_WEB_DIR
      ? path.resolve(cwd, env.PROPORTIO_WEB_DIR)
      : path.join(packageRootDir, 'dist', 'web'),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
};

/** What the CLI needs to talk to a running instance. */
export interface ClientConfig {
  readonly url: string;
  readonly token: string | undefined;
  /** Secrets a script passes through the environment, so they stay out of shell history. */
  readonly cameraPassword: string | undefined;
  readonly newUserPassword: string | undefined;
}

export const loadClientConfig = (
  env: Env = process.env,
  flags: { url?: string; token?: string } = {},
): ClientConfig => ({
  url: flags.url ?? env.PROPORTIO_URL ?? `http://localhost:${env.PROPORTIO_PORT || '8080'}`,
  token: flags.token ?? env.PROPORTIO_TOKEN,
  cameraPassword: env.PROPORTIO_CAMERA_PASSWORD || undefined,
  newUserPassword: env.PROPORTIO_NEW_PASSWORD || undefined,
});

/** A recorder agent at a site (`proportio agent`, ADR 0015). */
export interface AgentConfig {
  /** Where the agent keeps its token, keys, last plan, outbox and spool (mode 0700). */
  readonly stateDir: string;
  /** How long the agent records under its last plan without the server (seconds). */
  readonly offlineMaxSeconds: number;
  readonly ffmpegPath: string | undefined;
  readonly logLevel: string;
}

export const loadAgentConfig = (
  env: Env = process.env,
  cwd: string = process.cwd(),
  flags: { stateDir?: string } = {},
): AgentConfig => {
  const problems: string[] = [];
  const offline = env.PROPORTIO_AGENT_OFFLINE_MAX ?? '900';
  const offlineMaxSeconds = Number(offline);
  if (!/^\d+$/.test(offline) || offlineMaxSeconds < 1 || offlineMaxSeconds > 7 * 86_400)
    problems.push(`PROPORTIO_AGENT_OFFLINE_MAX must be whole seconds from 1 to 604800 (got "${offline}")`);
  const logLevel = env.PROPORTIO_LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel))
    problems.push(
      `PROPORTIO_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "${logLevel}")`,
    );
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    stateDir: path.resolve(cwd, flags.stateDir ?? env.PROPORTIO_AGENT_DIR ?? 'proportio-agent'),
    offlineMaxSeconds,
    ffmpegPath: env.PROPORTIO_FFMPEG ? path.resolve(cwd, env.PROPORTIO_FFMPEG) : undefined,
    logLevel,
  });
};
