/**
 * The /metrics lines from database totals (issue 13 §4): alarms raised, clips deleted and held.
 * The live per-instance ones (alarm delivery, streams) are the alarm module's; the recorder's,
 * audit's, cluster's, rights' and complaints' are their own. docs/grafana-dashboard.json reads them.
 */
import { operationsTotals } from '../adapters/db/repositories/operations-totals.js';
import { metricFamily } from '../core/metrics/prometheus.js';
import type { ModuleContext } from './module.js';

export const operationsMetrics =
  (ctx: Pick<ModuleContext, 'database' | 'clock'>) => async (): Promise<string> => {
    const t = await operationsTotals(ctx.database, ctx.clock.now());
    return [
      metricFamily('proportio_alarms_raised_total', 'counter', 'Alarms raised (database total).', [
        [{}, t.alarmsRaised],
      ]),
      metricFamily(
        'proportio_clips_deleted_total',
        'counter',
        'Clips deleted from the vault (database total), by reason: retention, erasure, objection.',
        t.clipsDeleted.map((d) => [{ reason: d.reason }, d.clips]),
      ),
      metricFamily(
        'proportio_clips_deleted_bytes_total',
        'counter',
        'Ciphertext bytes of deleted clips (database total), by reason.',
        t.clipsDeleted.map((d) => [{ reason: d.reason }, d.bytes]),
      ),
      metricFamily(
        'proportio_clips_held',
        'gauge',
        'Clips under a live legal hold (kept beyond retention).',
        [[{}, t.clipsHeld]],
      ),
    ].join('');
  };
