/**
 * /metrics covers what operations watch (issue 13 §4), and docs/grafana-dashboard.json reads only
 * metrics that exist: every name in every panel's query is a family on a running instance's
 * /metrics (on SQLite the cluster's families are absent by design, ADR 0013).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/main.js';
import { availableDialects } from '../support/databases.js';
import { openStream } from './alarm-helpers.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const dashboard = JSON.parse(
  fs.readFileSync(path.join(packageRoot(), 'docs', 'grafana-dashboard.json'), 'utf8'),
) as {
  panels: Array<{ title: string; type: string; targets?: Array<{ expr: string }> }>;
};

/** Every metric name the dashboard's queries use (a histogram's _bucket/_sum/_count as its family). */
const dashboardMetrics = (families: ReadonlyMap<string, string>): Map<string, string> => {
  const used = new Map<string, string>();
  for (const p of dashboard.panels)
    for (const t of p.targets ?? [])
      for (const name of t.expr.match(/proportio_[a-z0-9_]+/g) ?? []) {
        const base = name.replace(/_(bucket|sum|count)$/, '');
        used.set(families.get(base) === 'histogram' ? base : name, p.title);
      }
  return used;
};

describe.each(await availableDialects())('/metrics and the Grafana dashboard (%s)', (dialect) => {
  let t: TestRuntime;
  let families: Map<string, string>;

  beforeAll(async () => {
    t = await startTestRuntime({ dialect, demo: true, listen: true, env: { PROPORTIO_MQTT_PORT: '-1' } });
    const admin = await loginAs(t.app, 'beheer');
    const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    families = new Map(
      [...res.body.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => [m[1]!, m[2]!] as [string, string]),
    );
  });
  afterAll(() => t.close());

  it('has the families operations watch: alarms, streams, cameras, clips, deadlines, audit head', () => {
    expect(Object.fromEntries(families)).toMatchObject({
      proportio_alarms_raised_total: 'counter',
      proportio_alarm_delivery_seconds: 'histogram',
      proportio_alarm_streams_connected: 'gauge',
      proportio_camera_state: 'gauge',
      proportio_camera_last_fragment_age_seconds: 'gauge',
      proportio_camera_restarts_total: 'counter',
      proportio_clips_sealed_total: 'counter',
      proportio_vault_sealed_bytes_total: 'counter',
      proportio_clips_deleted_total: 'counter',
      proportio_clips_held: 'gauge',
      proportio_rights_requests_overdue: 'gauge',
      proportio_audit_head_seq: 'gauge',
    });
  });

  it('every metric the dashboard queries is on /metrics', () => {
    const used = dashboardMetrics(families);
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter(
      ([name]) => !families.has(name) && !(dialect === 'sqlite' && name.startsWith('proportio_cluster_')),
    );
    expect(missing, 'metric: panel').toEqual([]);
  });

  it('an alarm raised while a responder streams: raised +1, one delivery observed, one stream', async () => {
    const admin = await loginAs(t.app, 'beheer');
    const metric = async (line: RegExp) =>
      Number(
        line.exec((await t.app.inject({ method: 'GET', url: '/metrics', headers: admin.headers })).body)?.[1],
      );
    const raisedBefore = await metric(/^proportio_alarms_raised_total (\d+)$/m);
    const deliveredBefore =
      (await metric(/^proportio_alarm_delivery_seconds_count\{channel="sse"\} (\d+)$/m)) || 0;
    const bhv = await loginAs(t.app, 'bhv');
    const stream = await openStream(t.url!, bhv.cookie);
    try {
      await stream.waitFor((e) => e.event === 'alarms.snapshot', 'snapshot');
      expect(await metric(/^proportio_alarm_streams_connected (\d+)$/m)).toBe(1);
      const balie = await loginAs(t.app, 'balie');
      const room = (await t.rt.services.registry.listRooms())[0]!;
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/alarms',
        headers: balie.headers,
        payload: { roomId: room.id },
      });
      expect(res.statusCode, res.body).toBeLessThan(300);
      await stream.waitFor((e) => e.event === 'alarm.raised', 'the raise');
      expect(await metric(/^proportio_alarms_raised_total (\d+)$/m)).toBe(raisedBefore + 1);
      expect(await metric(/^proportio_alarm_delivery_seconds_count\{channel="sse"\} (\d+)$/m)).toBe(
        deliveredBefore + 1,
      );
    } finally {
      stream.close();
    }
  });
});
