import { initialVerifyState, verifyStep, type AuditEntry, type ChainProblem } from '../core/audit/chain.js';
import { actorRef, type Actor, type Clock, type Repositories, type Store } from './ports.js';

/** Appends an audit entry inside the caller's transaction, so it commits with the change it describes. */
export const recordAudit = (
  repos: Repositories,
  clock: Clock,
  actor: Actor,
  action: string,
  subject: string,
  details: Record<string, unknown> = {},
): Promise<AuditEntry> =>
  repos.audit.append({ at: clock.now().toISOString(), actor: actorRef(actor), action, subject, details });

export type AuditVerification =
  | { readonly ok: true; readonly checked: number; readonly headHash: string | null }
  | { readonly ok: false; readonly checked: number; readonly problem: ChainProblem };

export const auditService = (deps: { store: Store }) => ({
  /** Streams the whole chain in order; stops at the first bad entry. */
  async verify(): Promise<AuditVerification> {
    let state = initialVerifyState;
    for await (const entry of deps.store.read.audit.iterate(1000)) {
      const r = verifyStep(state, entry);
      if (!r.ok) return { ok: false, checked: state.checked, problem: r.problem };
      state = r.state;
    }
    return { ok: true, checked: state.checked, headHash: state.last?.hash ?? null };
  },
  /** A page of entries, newest first, with the acting user's name beside the stable id. */
  async page(opts: {
    beforeSeq?: number;
    limit: number;
    subject?: string;
    action?: string;
  }): Promise<Array<AuditEntry & { actorName: string | null }>> {
    const entries = await deps.store.read.audit.page(opts);
    const names = new Map((await deps.store.read.users.list()).map((u) => [`user:${u.id}`, u.username]));
    return entries.map((e) => ({
      ...e,
      actorName: names.get(e.actor) ?? (e.actor.startsWith('system:') ? e.actor : null),
    }));
  },
  count: () => deps.store.read.audit.count(),
});
