/**
 * What the two registers with deadlines and contact details (residents' requests, complaints and
 * inquiries) run beside their routes: the gauges of open, due-soon and overdue entries on
 * /metrics, and the daily sweep that erases the contact details of entries closed longer ago than
 * the retention (ADR 0007), on one instance only.
 */
import type { Logger } from 'pino';
import type { ModuleContext } from './module.js';

const DAY_MS = 86_400_000;

/** A register's counts against its deadlines (the services' counts()). */
export interface DeadlineCounts {
  readonly open: number;
  readonly dueSoon: number;
  readonly overdue: number;
}

/** The HELP line of each gauge; the gauges are `<prefix>_open`, `<prefix>_due_soon`, `<prefix>_overdue`. */
export type DeadlineGaugeHelp = Readonly<Record<keyof DeadlineCounts, string>>;

/** Adds the register's deadline gauges to /metrics. */
export const addDeadlineGauges = (
  ctx: ModuleContext,
  prefix: string,
  help: DeadlineGaugeHelp,
  counts: () => Promise<DeadlineCounts>,
): void => {
  ctx.metrics?.add(async () => {
    const c = await counts();
    const gauge = (name: string, text: string, value: number) => [
      `# HELP ${prefix}_${name} ${text}`,
      `# TYPE ${prefix}_${name} gauge`,
      `${prefix}_${name} ${value}`,
    ];
    return [
      ...gauge('open', help.open, c.open),
      ...gauge('due_soon', help.dueSoon, c.dueSoon),
      ...gauge('overdue', help.overdue, c.overdue),
      '',
    ].join('\n');
  });
};

export interface ContactSweep {
  readonly start: () => Promise<void>;
  readonly stop: () => Promise<void>;
}

/**
 * The sweep: once at start, then every `everyMs` (a day). Only the leader erases
 * (compose/cluster.ts); a failure is logged and the next round tries again.
 */
export const contactSweep = (
  ctx: ModuleContext,
  log: Logger,
  erase: () => Promise<readonly string[]>,
  /** Logs how many entries had their contact details erased (only when there were some). */
  erased: (count: number) => void,
  everyMs = DAY_MS,
): ContactSweep => {
  const sweep = async () => {
    if (!ctx.cluster.isLeader()) return;
    await erase()
      .then((ids) => {
        if (ids.length > 0) erased(ids.length);
      })
      .catch((err: unknown) => log.error({ err: (err as Error).message }, 'erasing contact details failed'));
  };
  let timer: NodeJS.Timeout | undefined;
  return {
    start: async () => {
      await sweep();
      timer = setInterval(() => void sweep(), everyMs);
      timer.unref();
    },
    stop: async () => {
      if (timer) clearInterval(timer);
      timer = undefined;
      await Promise.resolve();
    },
  };
};
