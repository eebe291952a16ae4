/**
 * Renders a page as the shell would: Dutch texts, a router at `path`, a signed-in user with the
 * given permissions. The API is a table of answers by "METHOD /path" (a function gets the request
 * body): the server itself runs in the integration and e2e suites; here the component is the
 * subject, so the test decides what the server says and reads what the component sent.
 */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import type { AlarmView, ConversationType, Me, MyAlarm, Room, Site, User } from '../api.js';
import type { Registry } from '../registry.js';
import { DICTIONARIES, I18nContext } from '../i18n/index.js';
import { RouterContext, type Router } from '../router.js';
import { SessionContext } from '../session.js';
import type { Permission } from '../../../src/core/auth/roles.js';

export const nl = DICTIONARIES.nl;

/**
 * Answers by "METHOD /path": a JSON body (status 200), a `reply(status, body)` (e.g. a problem),
 * a `fileReply(bytes, headers)` (a download),
 * or a function of the request body that gives either.
 */
export type Answers = Readonly<Record<string, unknown>>;

export interface Reply {
  readonly status: number;
  readonly body: unknown;
}
export const reply = (status: number, body: unknown): Reply => ({ status, body });
const isReply = (a: unknown): a is Reply =>
  typeof a === 'object' && a !== null && 'status' in a && 'body' in a && Object.keys(a).length === 2;

/** A file answer (a download): raw bytes with their own headers, not JSON. */
export interface FileReply {
  readonly file: string;
  readonly headers: Readonly<Record<string, string>>;
}
export const fileReply = (file: string, headers: Record<string, string> = {}): FileReply => ({
  file,
  headers,
});
const isFileReply = (a: unknown): a is FileReply =>
  typeof a === 'object' && a !== null && 'file' in a && 'headers' in a;

export interface Sent {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

/** Answers fetch from the table; an unlisted request is a 404 problem. Returns what was sent. */
export const serveApi = (answers: Answers): Sent[] => {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (path: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    sent.push({ method, path, body });
    const entry = answers[`${method} ${path}`];
    const answer: unknown = typeof entry === 'function' ? (entry as (b: unknown) => unknown)(body) : entry;
    if (isFileReply(answer)) return new Response(answer.file, { status: 200, headers: answer.headers });
    const r =
      entry === undefined
        ? reply(404, {
            type: 'about:blank',
            title: 'Not found',
            status: 404,
            code: 'RESOURCE.NOT_FOUND',
            detail: path,
          })
        : isReply(answer)
          ? answer
          : reply(200, answer);
    return new Response(r.body === undefined ? null : JSON.stringify(r.body), {
      status: r.status,
      headers: { 'content-type': r.status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  });
  return sent;
};

export const user: User = {
  id: 'u-1',
  username: 'balie',
  displayName: 'Sanne de Vries',
  email: '',
  roles: ['front-desk'],
  siteIds: [],
  disabled: false,
  hasPassword: true,
  oidc: false,
  lockedUntil: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  custodian: false,
};

export interface PageOptions {
  readonly permissions?: readonly Permission[];
  readonly path?: string;
  /** The query string ("?status=unreported"). */
  readonly search?: string;
  readonly navigate?: Router['navigate'];
  /** The signed-in user (default: `user`, a front-desk employee who is no custodian). */
  readonly user?: User;
}

export const renderPage = (page: ReactNode, options: PageOptions = {}): RenderResult => {
  const me: Me = { user: options.user ?? user, csrfToken: 'csrf', permissions: options.permissions ?? [] };
  const router: Router = {
    path: options.path ?? '/',
    search: options.search ?? '',
    navigations: 0,
    flash: undefined,
    navigate: options.navigate ?? (() => undefined),
  };
  return render(
    <I18nContext.Provider value={{ lang: 'nl', t: nl, setLang: () => undefined }}>
      <RouterContext.Provider value={router}>
        <SessionContext.Provider
          value={{
            me,
            can: (p) => me.permissions.includes(p),
            logout: async () => undefined,
            expired: () => undefined,
          }}
        >
          {page}
        </SessionContext.Provider>
      </RouterContext.Provider>
    </I18nContext.Provider>,
  );
};

const CREATED = '2026-01-01T00:00:00.000Z';
/** A registry of one site, one room and one (sensitive) kind of conversation. */
export const SITES: Site[] = [{ id: 's-1', name: 'Stadhuis', address: 'Markt 1', createdAt: CREATED }];
export const ROOMS: Room[] = [
  { id: 'r-1', siteId: 's-1', name: 'Spreekkamer 1', floor: '0', description: '', createdAt: CREATED },
];
export const TYPES: ConversationType[] = [
  {
    id: 'c-1',
    code: 'bijstand',
    nameNl: 'Bijstandsgesprek',
    nameEn: 'Benefits interview',
    sensitive: true,
    createdAt: CREATED,
  },
];

/** That registry as GET /api/sites, /api/rooms and /api/conversation-types answer it. */
export const REGISTRY_ANSWERS: Answers = {
  'GET /api/sites': SITES,
  'GET /api/rooms': ROOMS,
  'GET /api/conversation-types': TYPES,
};

/** An alarm just raised in Spreekkamer 1 by Sanne de Vries, as the console sees it. */
export const alarmView = (over: Partial<AlarmView> = {}): AlarmView => ({
  id: 'al-1',
  state: 'raised',
  siteId: 's-1',
  siteName: 'Stadhuis',
  roomId: 'r-1',
  roomName: 'Spreekkamer 1',
  floor: 'begane grond',
  conversationId: 'conv-1',
  conversationType: { id: 'c-1', code: 'bijstand', nameNl: 'Bijstandsgesprek', nameEn: 'Benefits interview' },
  riskFlag: false,
  source: 'web',
  raisedBy: { userId: 'u-2', displayName: 'Sanne de Vries' },
  deviceId: null,
  silent: false,
  raisedAt: '2026-03-02T09:05:00.000Z',
  lastPressAt: '2026-03-02T09:05:00.000Z',
  pressCount: 1,
  acknowledgedAt: null,
  acknowledgements: [],
  escalatedAt: null,
  closedAt: null,
  closedBy: null,
  incidentId: 'inc-1',
  ...over,
});

/** The same alarm as its raiser sees it on GET /api/alarms/mine. */
export const myAlarm = (over: Partial<AlarmView> = {}): MyAlarm => {
  const a = alarmView(over);
  return {
    id: a.id,
    state: a.state,
    roomId: a.roomId,
    roomName: a.roomName,
    silent: a.silent,
    raisedAt: a.raisedAt,
    lastPressAt: a.lastPressAt,
    pressCount: a.pressCount,
    acknowledgedAt: a.acknowledgedAt,
    acknowledgements: a.acknowledgements.map(({ displayName, at }) => ({ displayName, at })),
    namesWithheld: a.silent,
    closedAt: a.closedAt,
    incidentId: a.incidentId,
  };
};

/** The registry of SITES, ROOMS and TYPES as the wizard gets it. */
export const REGISTRY: Registry = {
  sites: SITES,
  rooms: ROOMS,
  types: TYPES,
  siteName: () => 'Stadhuis',
  roomName: () => 'Spreekkamer 1',
  roomLabel: () => 'Stadhuis — Spreekkamer 1',
  typeName: () => 'Bijstandsgesprek',
};
