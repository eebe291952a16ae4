/**
 * Route access declarations: every route says who may call it, in its `config.access`.
 * 'public' — anyone; 'authenticated' — any logged-in user; 'agent' — a recorder agent's token
 * only (ADR 0015: the route's own hook checks it; no user may call it); otherwise a permission
 * from core/auth/roles.ts. A route without a declaration cannot be registered (see app.ts).
 */
import type { Permission } from '../core/auth/roles.js';

export type Access = 'public' | 'authenticated' | 'agent' | Permission;

/**
 * What a route's path parameter names, for the site rule (a user with sites assigned acts only
 * within them; none assigned = every site): a thing of one site — a user who does not serve it
 * gets 404, as for an unknown id — or 'organisation' for what belongs to no single site (users,
 * assessments, kinds of conversation, settings, the registry of sites and rooms, which the signs
 * at the door show anyway). Every route with a path parameter declares it; the route × role ×
 * site sweep (test/integration/api-site-sweep.test.ts) checks each declaration against a user of
 * another site, and that no other route answers such a user with another site's ids.
 */
export type SiteScope =
  | 'site'
  | 'room'
  | 'camera'
  | 'device'
  | 'conversation'
  | 'alarm'
  | 'incident'
  | 'clip'
  /** A legal hold on a clip (issue 10 §3): the clip's site. */
  | 'hold'
  | 'suspension'
  /** Four-eyes viewing: a request, its grant, a play token (each of its clip's site). */
  | 'viewing-request'
  | 'grant'
  | 'play'
  /** A resident's request (issue 12 §1): the site of the room it names. */
  | 'rights-request'
  /** A complaint or regulator inquiry (issue 12 §3): its site; one about the whole organisation, every site. */
  | 'complaint'
  | 'organisation';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Required with a path parameter: see SiteScope. */
    sites?: SiteScope;
    /** Skip the CSRF check (only for the login route, which has no session yet). */
    csrfExempt?: boolean;
  }
}

export interface DeclaredRoute {
  readonly method: string;
  readonly url: string;
  readonly access: Access;
  readonly sites: SiteScope | undefined;
  /** The body's JSON Schema, if it takes one (the site sweep builds valid bodies from it). */
  readonly body: unknown;
}
