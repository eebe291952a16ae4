/**
 * OpenID Connect sign-in (authorisation code + PKCE) through openid-client. The provider is
 * discovered lazily, so Proportio starts even while the identity provider is unreachable.
 */
import * as client from 'openid-client';
import type { OidcConfig } from '../../config.js';

export interface OidcStart {
  readonly url: string;
  /** What must come back with the callback; kept in a sealed cookie between the two requests. */
  readonly pending: { state: string; nonce: string; verifier: string };
}

export interface OidcAdapter {
  readonly label: string;
  start(): Promise<OidcStart>;
  /** Exchanges the code in callbackUrl; returns the ID token claims merged with userinfo. */
  finish(
    callbackUrl: URL,
    pending: { state: string; nonce: string; verifier: string },
  ): Promise<Record<string, unknown>>;
}

/**
 * Seconds to wait for the provider (discovery, then every token and userinfo request): a provider
 * that accepts connections but does not answer must not hold a sign-in for openid-client's 30.
 */
const PROVIDER_TIMEOUT_S = 10;

const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);

export const oidcAdapter = (cfg: OidcConfig): OidcAdapter => {
  let configuration: Promise<client.Configuration> | undefined;
  const issuer = new URL(cfg.issuer);
  const plainHttp = issuer.protocol === 'http:';
  const discover = () => {
    // Plain http is allowed only for a provider on this machine (tests, local set-ups): anywhere
    // else the client secret, codes and tokens would cross the network in clear.
    if (plainHttp && !isLoopback(issuer.hostname)) {
      return Promise.reject(
        new Error(
          `PROPORTIO_OIDC_ISSUER ${cfg.issuer}: plain http is allowed only for a provider on this machine; use https`,
        ),
      );
    }
    configuration ??= client
      .discovery(issuer, cfg.clientId, cfg.clientSecret, undefined, {
        execute: plainHttp ? [client.allowInsecureRequests] : [],
        timeout: PROVIDER_TIMEOUT_S,
      })
      .catch((e: unknown) => {
        configuration = undefined; // try again on the next login
        throw e;
      });
    return configuration;
  };

  return {
    label: cfg.label,
    async start() {
      const config = await discover();
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: cfg.redirectUri,
        scope: cfg.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url: url.href, pending: { state, nonce, verifier } };
    },
    async finish(callbackUrl, pending) {
      const config = await discover();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = { ...(tokens.claims() ?? {}) } as Record<string, unknown>;
      const sub = typeof claims.sub === 'string' ? claims.sub : undefined;
      if (sub && tokens.access_token) {
        try {
          const info = await client.fetchUserInfo(config, tokens.access_token, sub);
          return { ...info, ...claims };
        } catch {
          // Userinfo is optional; the ID token's claims suffice when it fails.
        }
      }
      return claims;
    },
  };
};
