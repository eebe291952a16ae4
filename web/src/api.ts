/**
 * The API client: JSON in and out, the session cookie (sent by the browser), the CSRF header on
 * every write, and RFC 9457 problem details turned into an ApiError the UI can show.
 */
import type { SEVERITY_MAX, SEVERITY_MIN } from '../../src/core/alarm/model.js';
import type { Problem as ServerProblem } from '../../src/http/problem.js';

export * from './api-types.js';

/** One field a person must correct, as the server's problem lists it. */
export type FieldProblem = Readonly<NonNullable<ServerProblem['errors']>[number]>;

/**
 * A refusal as the UI reads it: the server's problem details, or one made here from the status
 * when the body is not a problem (code HTTP or INTERNAL), so the code is any string.
 */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors?: readonly FieldProblem[];
  readonly details?: Readonly<Record<string, unknown>>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail);
    this.name = 'ApiError';
  }
}

/** The API answered 404: what the address names does not exist (or is not the user's to see). */
export const isNotFound = (e: unknown): boolean => e instanceof ApiError && e.status === 404;

/** The server could not be reached at all (no HTTP response). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network error', { cause });
    this.name = 'NetworkError';
  }
}

let csrfToken: string | null = null;

/** Remembers the CSRF token that login and /api/auth/me hand out. */
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const toProblem = (status: number, body: unknown): Problem => {
  if (isRecord(body) && typeof body.detail === 'string' && typeof body.code === 'string') {
    const errors = Array.isArray(body.errors)
      ? body.errors.filter(
          (e): e is FieldProblem =>
            isRecord(e) && typeof e.field === 'string' && typeof e.message === 'string',
        )
      : undefined;
    return {
      type: typeof body.type === 'string' ? body.type : 'about:blank',
      title: typeof body.title === 'string' ? body.title : '',
      status,
      code: body.code,
      detail: body.detail,
      ...(errors ? { errors } : {}),
      ...(isRecord(body.details) ? { details: body.details } : {}),
    };
  }
  return {
    type: 'about:blank',
    title: `HTTP ${status}`,
    status,
    code: status >= 500 ? 'INTERNAL' : 'HTTP',
    detail: `HTTP ${status}`,
  };
};

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One call to the API: the session cookie, the CSRF header on a write; a refusal throws ApiError. */
const send = async (method: Method, path: string, body: unknown, accept: string): Promise<Response> => {
  const headers: Record<string, string> = { accept };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (e) {
    throw new NetworkError(e);
  }
  if (!res.ok) throw new ApiError(res.status, toProblem(res.status, parseJson(await res.text())));
  return res;
};

const parseJson = (text: string): unknown => {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

export const request = async <T>(method: Method, path: string, body?: unknown): Promise<T> => {
  const res = await send(method, path, body, 'application/json, application/problem+json');
  if (res.status === 204) return undefined as T;
  return parseJson(await res.text()) as T;
};

/** A file the API answers (a download): its bytes and the name Content-Disposition gives, if any. */
export interface Download {
  readonly blob: Blob;
  readonly fileName: string | undefined;
}

/** The file name of `Content-Disposition: attachment; filename="…"`, if the header names one. */
export const fileNameOf = (disposition: string | null): string | undefined => {
  const m = disposition ? /filename="?([^";]+)"?/i.exec(disposition) : null;
  return m?.[1]?.trim() || undefined;
};

/** POST that answers a file instead of JSON (same cookie, CSRF header and refusals as `request`). */
export const postForFile = async (path: string, body: unknown = {}): Promise<Download> => {
  const res = await send('POST', path, body, '*/*');
  return { blob: await res.blob(), fileName: fileNameOf(res.headers.get('content-disposition')) };
};

/** GET that answers a file instead of JSON (the regulator dossier's ZIP). */
export const getForFile = async (path: string): Promise<Download> => {
  const res = await send('GET', path, undefined, '*/*');
  return { blob: await res.blob(), fileName: fileNameOf(res.headers.get('content-disposition')) };
};

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/** Builds a query string, leaving out undefined values. */
export const query = (params: Record<string, string | number | undefined>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

/** The severities an incident report offers, lowest first (the server's SEVERITY_MIN…SEVERITY_MAX). */
export const SEVERITIES = [1, 2, 3, 4, 5] as const satisfies readonly [
  typeof SEVERITY_MIN,
  ...number[],
  typeof SEVERITY_MAX,
];
