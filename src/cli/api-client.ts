/** The CLI's HTTP client: same API, same rules, same audit trail as the web UI. */
import { isErrorCode } from '../core/errors.js';
import { CliError, EXIT } from './io.js';
import type { ClientConfig } from '../config.js';

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  delete(path: string): Promise<void>;
}

export const apiClient = (cfg: ClientConfig, fetchImpl: typeof fetch = fetch): ApiClient => {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    if (!cfg.token) {
      throw new CliError(
        'no API token: set PROPORTIO_TOKEN or pass --token (create one with "proportio token create --user NAME")',
        EXIT.NO_PERM,
      );
    }
    let res: Response;
    try {
      res = await fetchImpl(new URL(path, cfg.url), {
        method,
        headers: {
          authorization: `Bearer ${cfg.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (e) {
      throw new CliError(
        `cannot reach Proportio at ${cfg.url} (${(e as Error).message}); is it running? (--url / PROPORTIO_URL)`,
        EXIT.UNAVAILABLE,
      );
    }
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!res.ok) {
      const p = (parsed ?? {}) as { code?: string; detail?: string };
      const code = p.code && isErrorCode(p.code) ? p.code : undefined;
      if (code) throw CliError.fromDomain({ code, message: p.detail ?? res.statusText });
      throw new CliError(`HTTP ${res.status}: ${p.detail ?? res.statusText}`, EXIT.SOFTWARE);
    }
    return parsed as T;
  };
  return {
    get: (p) => call('GET', p),
    post: (p, b) => call('POST', p, b),
    patch: (p, b) => call('PATCH', p, b),
    delete: (p) => call<void>('DELETE', p),
  };
};
