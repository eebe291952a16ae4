/**
 * Optional webhook: every alarm event POSTed as JSON to one URL (building systems, pagers).
 * One attempt per event with a timeout, and a cap on requests in flight: a slow or dead receiver
 * costs dropped webhook calls (counted, shown in health), never a retry storm or a slower alarm.
 */
import type { Logger } from 'pino';
import type { HealthItem } from '../../core/health.js';
import { redactUrl } from '../db/connection.js';

export interface AlarmWebhook {
  publish(body: unknown): void;
  health(): readonly HealthItem[];
  readonly counters: { sent: number; failed: number; dropped: number };
  idle(): Promise<void>;
}

export const createAlarmWebhook = (opts: {
  url: string;
  log: Logger;
  timeoutMs?: number;
  maxInFlight?: number;
  fetchImpl?: typeof fetch;
}): AlarmWebhook => {
  const timeoutMs = opts.timeoutMs ?? 3000;
  const maxInFlight = opts.maxInFlight ?? 8;
  const doFetch = opts.fetchImpl ?? fetch;
  const where = redactUrl(opts.url);
  const counters = { sent: 0, failed: 0, dropped: 0 };
  const inFlight = new Set<Promise<void>>();
  let lastFailure: string | undefined;

  return {
    counters,
    publish(body) {
      if (inFlight.size >= maxInFlight) {
        counters.dropped++;
        return;
      }
      const p = doFetch(opts.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      })
        .then((res) => {
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
          counters.sent++;
          lastFailure = undefined;
        })
        .catch((e: unknown) => {
          counters.failed++;
          lastFailure = (e as Error).message;
          opts.log.warn({ webhook: where, err: lastFailure }, 'alarm webhook failed');
        })
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    },
    health: () =>
      lastFailure
        ? [
            {
              component: 'alarm-webhook',
              status: 'warning',
              code: 'alarm.webhook-failed',
              message: `alarm webhook ${where} failed: ${lastFailure}`,
            },
          ]
        : [],
    idle: async () => {
      await Promise.all([...inFlight]);
    },
  };
};
