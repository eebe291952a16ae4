/**
 * Anchors the audit chain's head outside the database (ADR 0002): at start, every
 * `intervalSeconds` and at shutdown, a signed {seq, hash, at} line is appended to the anchor
 * file, written to the log and shown as metrics. The schedule comes from an injected Ticker so
 * tests drive it without waiting on wall time.
 */
import type { AnchorRecord } from '../core/audit/anchor.js';
import type { AuditService } from '../services/audit.service.js';
import type { Ticker } from '../services/ports.js';
import type { HealthItem, ModuleContext, ProportioModule } from './module.js';

export interface AuditAnchorModule extends ProportioModule {
  readonly name: 'audit';
  /** Anchors the head now (also what each tick does); never throws, failures become health items. */
  anchorNow(): Promise<void>;
  /** Prometheus text for /metrics. */
  metrics(): Promise<string>;
}

export const createAuditAnchorModule = (
  ctx: ModuleContext,
  deps: { audit: AuditService; ticker: Ticker },
): AuditAnchorModule => {
  const log = ctx.log.child({ component: 'audit' });
  const file = ctx.config.auditAnchor.file;
  let last: AnchorRecord | undefined;
  let failure: string | undefined;
  let broken: AnchorRecord | undefined;
  let cancel: (() => void) | undefined;
  let running: Promise<void> = Promise.resolve();

  const anchorOnce = async () => {
    try {
      const r = await deps.audit.anchor();
      failure = undefined;
      last = r.latest;
      if (r.written) {
        log.info(
          { seq: r.written.seq, hash: r.written.hash, at: r.written.at, key: r.written.key, file },
          'audit head anchored',
        );
      }
      if (r.previousBroken && broken?.seq !== r.previousBroken.seq) {
        log.error(
          { seq: r.previousBroken.seq, hash: r.previousBroken.hash, at: r.previousBroken.at, file },
          'AUDIT CHAIN NO LONGER HOLDS ITS ANCHOR: the anchored entry is missing or changed (cut off or rewritten); run proportio audit verify',
        );
      }
      broken = r.previousBroken ?? broken;
    } catch (e) {
      failure = e instanceof Error ? e.message : String(e);
      log.warn({ err: e, file }, 'audit head could not be anchored');
    }
  };
  // One anchoring at a time: a tick during the shutdown anchoring waits for it.
  const anchorNow = () => (running = running.then(anchorOnce));

  const health = (): HealthItem[] => {
    const items: HealthItem[] = [];
    if (broken)
      items.push({
        component: 'audit',
        status: 'error',
        code: 'audit.anchor-mismatch',
        message: `The audit chain no longer holds its anchor of entry ${broken.seq} (${broken.at}): entries were cut off or rewritten. Run proportio audit verify.`,
        params: { seq: broken.seq, at: broken.at },
      });
    if (failure !== undefined)
      items.push({
        component: 'audit',
        status: 'warning',
        code: 'audit.anchor-failed',
        message: 'The audit chain head could not be anchored (anchor file or key not writable); see the log.',
      });
    return items;
  };

  return {
    name: 'audit',
    routes: async () => undefined,
    anchorNow,
    async start() {
      if (cancel) return;
      await anchorNow();
      cancel = deps.ticker.every(ctx.config.auditAnchor.intervalSeconds * 1000, () => void anchorNow());
    },
    async stop() {
      if (!cancel) return;
      cancel();
      cancel = undefined;
      await anchorNow();
    },
    health,
    async metrics() {
      const headSeq = await deps.audit.headSeq();
      return [
        '# HELP proportio_audit_head_seq Sequence number of the newest audit log entry.',
        '# TYPE proportio_audit_head_seq gauge',
        `proportio_audit_head_seq ${headSeq}`,
        '# HELP proportio_audit_anchor_seq Sequence number of the newest anchored audit head (0: none yet).',
        '# TYPE proportio_audit_anchor_seq gauge',
        `proportio_audit_anchor_seq ${last?.seq ?? 0}`,
        '# HELP proportio_audit_anchor_timestamp_seconds When the newest anchor was written (Unix time; 0: never).',
        '# TYPE proportio_audit_anchor_timestamp_seconds gauge',
        `proportio_audit_anchor_timestamp_seconds ${last ? Date.parse(last.at) / 1000 : 0}`,
        '# HELP proportio_audit_anchor_ok 0 while the newest anchor no longer holds or anchoring fails, else 1.',
        '# TYPE proportio_audit_anchor_ok gauge',
        `proportio_audit_anchor_ok ${broken || failure !== undefined ? 0 : 1}`,
        '',
      ].join('\n');
    },
  };
};
