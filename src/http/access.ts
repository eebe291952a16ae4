/**
 * Route access declarations: every route says who may call it, in its `config.access`.
 * 'public' — anyone; 'authenticated' — any logged-in user; otherwise a permission from
 * core/auth/roles.ts. A route without a declaration cannot be registered (see app.ts).
 */
import type { Permission } from '../core/auth/roles.js';

export type Access = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Skip the CSRF check (only for the login route, which has no session yet). */
    csrfExempt?: boolean;
  }
}

export interface DeclaredRoute {
  readonly method: string;
  readonly url: string;
  readonly access: Access;
}
