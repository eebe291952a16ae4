import { describe, expect, it } from 'vitest';
import { ConfigError, loadAgentConfig, loadConfig } from './config.js';

const load = (env: Record<string, string>) => loadConfig(env, '/srv/proportio', '/opt/proportio');

describe('config', () => {
  it('has defaults that run everything on one machine', () => {
    const c = load({});
    expect(c).toMatchObject({
      port: 8080,
      dataDir: '/srv/proportio/data',
      databaseUrl: undefined,
      secureCookies: false,
      oidc: undefined,
    });
    expect(c.masterKeyFile).toBe('/srv/proportio/data/master.key');
    expect(c.webDir).toBe('/opt/proportio/dist/web');
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('anchors the audit head beside the data and the master key unless told otherwise', () => {
    expect(load({}).auditAnchor).toEqual({
      file: '/srv/proportio/data/audit-anchor.jsonl',
      keyFile: '/srv/proportio/data/audit-anchor.key',
      intervalSeconds: 300,
    });
    expect(
      load({
        PROPORTIO_MASTER_KEY_FILE: '/etc/proportio/master.key',
        PROPORTIO_AUDIT_ANCHOR_FILE: '/mnt/worm/anchor.jsonl',
        PROPORTIO_AUDIT_ANCHOR_INTERVAL_SECONDS: '60',
      }).auditAnchor,
    ).toEqual({
      file: '/mnt/worm/anchor.jsonl',
      keyFile: '/etc/proportio/audit-anchor.key',
      intervalSeconds: 60,
    });
    expect(() => load({ PROPORTIO_AUDIT_ANCHOR_INTERVAL_SECONDS: '1' })).toThrow(
      /PROPORTIO_AUDIT_ANCHOR_INTERVAL_SECONDS/,
    );
  });

  it('turns on Secure cookies for an https public URL', () => {
    expect(load({ PROPORTIO_PUBLIC_URL: 'https://p.example' }).secureCookies).toBe(true);
  });

  it('reports every invalid variable at once', () => {
    try {
      load({
        PROPORTIO_PORT: '99999',
        PROPORTIO_LOG_LEVEL: 'loud',
        PROPORTIO_DATABASE_URL: 'mysql://x',
        PROPORTIO_SECURE_COOKIES: 'maybe',
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems).toHaveLength(4);
    }
  });

  it('refuses a database URL whose password has a broken percent-escape (pg would throw URIError later)', () => {
    expect(() => load({ PROPORTIO_DATABASE_URL: 'postgres://u:%ZZ@db.example/p' })).toThrow(
      /PROPORTIO_DATABASE_URL has a broken percent-escape/,
    );
    expect(load({ PROPORTIO_DATABASE_URL: 'postgres://u:p%40ss@db.example/p' }).databaseUrl).toBe(
      'postgres://u:p%40ss@db.example/p',
    );
  });

  it('checks the OIDC settings together', () => {
    const ok = load({
      PROPORTIO_OIDC_ISSUER: 'https://idp.example/realms/x',
      PROPORTIO_OIDC_CLIENT_ID: 'proportio',
      PROPORTIO_OIDC_REDIRECT_URI: 'https://p.example/api/auth/oidc/callback',
      PROPORTIO_OIDC_ROLE_MAP: '{"g-fg":"dpo"}',
    });
    expect(ok.oidc).toMatchObject({ rolesClaim: 'roles', roleMap: { 'g-fg': 'dpo' } });
    expect(() => load({ PROPORTIO_OIDC_ISSUER: 'https://idp.example' })).toThrow(
      /CLIENT_ID is required[\s\S]*REDIRECT_URI is required/,
    );
    expect(() =>
      load({
        PROPORTIO_OIDC_ISSUER: 'https://idp.example',
        PROPORTIO_OIDC_CLIENT_ID: 'p',
        PROPORTIO_OIDC_REDIRECT_URI: 'https://p/cb',
        PROPORTIO_OIDC_ROLE_MAP: '{"g":"DPO"}',
      }),
    ).toThrow(/unknown role\(s\) DPO/);
    expect(() =>
      load({
        PROPORTIO_OIDC_ISSUER: 'http://idp.example',
        PROPORTIO_OIDC_CLIENT_ID: 'p',
        PROPORTIO_OIDC_REDIRECT_URI: 'https://p/cb',
      }),
    ).toThrow(/must use https/);
    expect(
      load({
        PROPORTIO_OIDC_ISSUER: 'http://127.0.0.1:9000',
        PROPORTIO_OIDC_CLIENT_ID: 'p',
        PROPORTIO_OIDC_REDIRECT_URI: 'http://localhost/cb',
      }).oidc,
    ).toBeDefined();
  });

  it('keeps clips in <vault>/clips unless PROPORTIO_VAULT_URL names a folder or a bucket', () => {
    expect(load({}).vaultStore).toEqual({ kind: 'folder', path: '/srv/proportio/data/vault/clips' });
    expect(load({ PROPORTIO_VAULT_URL: '/mnt/clips' }).vaultStore).toEqual({
      kind: 'folder',
      path: '/mnt/clips',
    });
    expect(load({ PROPORTIO_VAULT_URL: 's3://vault-bucket/site-a' }).vaultStore).toEqual({
      kind: 's3',
      bucket: 'vault-bucket',
      prefix: 'site-a/',
      forcePathStyle: false,
    });
    // A custom endpoint (MinIO, Garage, …) means path-style requests unless told otherwise.
    expect(
      load({ PROPORTIO_VAULT_URL: 's3://vault-bucket', AWS_ENDPOINT_URL_S3: 'http://minio:9000' }).vaultStore,
    ).toMatchObject({ forcePathStyle: true });
    expect(
      load({
        PROPORTIO_VAULT_URL: 's3://vault-bucket',
        AWS_ENDPOINT_URL: 'http://minio:9000',
        PROPORTIO_VAULT_S3_PATH_STYLE: 'false',
      }).vaultStore,
    ).toMatchObject({ forcePathStyle: false });
    // The recipient file stays local whatever the clips' store.
    expect(load({ PROPORTIO_VAULT_URL: 's3://vault-bucket' }).vaultRecipientFile).toBe(
      '/srv/proportio/data/vault/recipient.txt',
    );
    expect(() => load({ PROPORTIO_VAULT_URL: 's3://Bad_Bucket/x' })).toThrow(
      /PROPORTIO_VAULT_URL names no valid bucket \("Bad_Bucket"/,
    );
    expect(() => load({ PROPORTIO_VAULT_URL: 's3://key:secret@bucket/x' })).toThrow(
      /may not hold credentials/,
    );
  });
});

describe('agent config', () => {
  it('defaults to 15 minutes offline and ./proportio-agent; refuses a limit that is not whole seconds', () => {
    const c = loadAgentConfig({}, '/srv');
    expect(c).toMatchObject({ offlineMaxSeconds: 900, stateDir: '/srv/proportio-agent' });
    expect(loadAgentConfig({ PROPORTIO_AGENT_OFFLINE_MAX: '60' }, '/srv', { stateDir: 'x' })).toMatchObject({
      offlineMaxSeconds: 60,
      stateDir: '/srv/x',
    });
    for (const bad of ['0', '1.5', 'soon', '700000'])
      expect(() => loadAgentConfig({ PROPORTIO_AGENT_OFFLINE_MAX: bad }, '/srv')).toThrow(ConfigError);
  });
});
