/**
 * A capability (alarms, assessments, recording) plugs into the composition root through a
 * module: its HTTP routes, and its background work with a start/stop lifecycle. main.ts builds
 * every module from the same context, so each capability wires itself in one file of its own.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Logger } from 'pino';
import type { Database } from '../adapters/db/connection.js';
import type { Config } from '../config.js';
import type { Clock, DomainEvents, IdGenerator, SecretBox, Store } from '../services/ports.js';
import type { HealthItem } from '../core/health.js';
import type { Cluster } from './cluster.js';

/** A module's health lines (defined in core: adapters and pure rules produce them too). */
export type { HealthItem };

export interface ModuleContext {
  readonly config: Config;
  readonly store: Store;
  /** The one database handle: capabilities build their repositories on it (same transactions, one pool). */
  readonly database: Database;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly secrets: SecretBox;
  readonly log: Logger;
  /** The domain events port: services emit, capabilities subscribe (services/ports.ts). */
  readonly events: DomainEvents;
  /** Prometheus text from capabilities other than the recorder, appended to GET /metrics. */
  readonly metrics?: MetricsSources;
  /**
   * Several instances on one PostgreSQL (compose/cluster.ts): a scheduled job runs its tick only
   * where `isLeader()` holds; whoever keeps state from other instances' events re-reads on `onResync`;
   * the local recorder arms and disarms on `onLeaderChange`.
   */
  readonly cluster: Pick<Cluster, 'isLeader' | 'onLeaderChange' | 'onResync' | 'limits' | 'instance'>;
}

export interface MetricsSources {
  add(source: () => Promise<string>): void;
  render(): Promise<string>;
}

export const metricsSources = (): MetricsSources => {
  const sources: Array<() => Promise<string>> = [];
  return {
    add: (s) => void sources.push(s),
    render: async () => (await Promise.all(sources.map((s) => s()))).join(''),
  };
};

export interface ProportioModule {
  readonly name: string;
  /** Registered on the app after the core routes; declare `config.access` on every route. */
  readonly routes: FastifyPluginAsync;
  /** Background work (listeners, timers, child processes). Called once by `serve`, not by app building. */
  start(): Promise<void>;
  /** Stops background work; must be safe to call when start() was never called. */
  stop(): Promise<void>;
  /** Warnings shown on every screen and in /readyz details (e.g. "MQTT broker unreachable"). */
  health(): readonly HealthItem[];
}
