/**
 * The audit chain's head anchored outside the database (ADR 0002): the server appends a signed
 * {seq, hash, at} line at start, on each tick (driven by hand here) and at shutdown, and shows it
 * on /metrics. Cutting off the newest entries, or all of them, then fails `audit verify` (exit 1,
 * naming the last good anchor), GET /api/audit/verify and the server's own check (health item).
 * Both dialects.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditAnchorModule } from '../../src/compose/audit.compose.js';
import type { Ticker } from '../../src/services/ports.js';
import { availableDialects } from '../support/databases.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { cliAgainst, withoutAuditGuards } from './audit-helpers.js';

const dialects = await availableDialects();
const system = { kind: 'system', name: 'test' } as const;

/** A ticker the test fires itself: no waiting on wall time. */
const handTicker = () => {
  const state: { fn: (() => void) | undefined; ms: number } = { fn: undefined, ms: 0 };
  const ticker: Ticker = {
    every: (ms, fn) => {
      state.ms = ms;
      state.fn = fn;
      return () => {
        state.fn = undefined;
      };
    },
  };
  return { ticker, state };
};

interface Anchor {
  v: number;
  seq: number;
  hash: string;
  at: string;
  key: string;
  sig: string;
}

describe.each(dialects)('audit anchor on %s', (dialect) => {
  let t: TestRuntime;
  let anchor: AuditAnchorModule;
  let auditor: Awaited<ReturnType<typeof loginAs>>;
  const hand = handTicker();
  const anchors = (): Anchor[] =>
    fs
      .readFileSync(t.rt.config.auditAnchor.file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Anchor);
  const headSeq = () => t.rt.services.audit.headSeq();
  const addEntries = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const r = await t.rt.services.registry.createSite(system, {
        name: `Anker ${Math.random()}`,
        address: '',
      });
      expect(r.ok).toBe(true);
    }
  };
  /** Fires the schedule, then waits for that anchoring (they run one at a time). */
  const tick = async () => {
    hand.state.fn?.();
    await anchor.anchorNow();
  };

  beforeAll(async () => {
    t = await startTestRuntime({
      dialect,
      demo: true,
      ticker: hand.ticker,
      env: { PROPORTIO_MQTT_PORT: '-1', PROPORTIO_AUDIT_ANCHOR_INTERVAL_SECONDS: '60' },
    });
    anchor = t.rt.modules.find((m): m is AuditAnchorModule => m.name === 'audit')!;
    auditor = await loginAs(t.app, 'auditor');
  });
  afterAll(async () => {
    await anchor?.stop();
    await t?.close();
  });

  it('anchors the head at start, on a tick when it moved, and at shutdown, signed with a 0600 key', async () => {
    const { file, keyFile } = t.rt.config.auditAnchor;
    expect(fs.existsSync(file)).toBe(false);
    await anchor.start();
    expect(hand.state.ms).toBe(60_000);
    const first = await headSeq();
    expect(anchors()).toEqual([
      {
        v: 1,
        seq: first,
        hash: (await t.rt.store.read.audit.page({ limit: 1 }))[0]!.hash,
        at: expect.any(String),
        key: expect.stringMatching(/^[0-9a-f]{16}$/),
        sig: expect.any(String),
      },
    ]);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(path.dirname(keyFile)).toBe(path.dirname(t.rt.config.masterKeyFile));
    expect(fs.readFileSync(`${keyFile}.pub`, 'utf8')).toContain('BEGIN PUBLIC KEY');

    await tick(); // the head did not move: nothing new
    expect(anchors()).toHaveLength(1);
    await addEntries(2);
    await tick();
    expect(anchors().map((a) => a.seq)).toEqual([first, first + 2]);

    // Shutdown anchors the final head; a restart carries on in the same file.
    await addEntries(1);
    await anchor.stop();
    expect(anchors().map((a) => a.seq)).toEqual([first, first + 2, first + 3]);
    await anchor.start();
    expect(anchors()).toHaveLength(3);

    const v = await t.rt.services.audit.verify();
    expect(v).toMatchObject({
      ok: true,
      anchor: { present: true, anchors: 3, lastGood: { seq: first + 3, line: 3 } },
    });
  });

  it('shows the head and the last anchor on /metrics', async () => {
    await addEntries(1);
    const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: auditor.headers });
    expect(res.statusCode).toBe(200);
    const head = await headSeq();
    const last = anchors().at(-1)!;
    expect(res.body).toContain(`\nproportio_audit_head_seq ${head}\n`);
    expect(res.body).toContain(`\nproportio_audit_anchor_seq ${last.seq}\n`);
    expect(res.body).toContain(`\nproportio_audit_anchor_timestamp_seconds ${Date.parse(last.at) / 1000}\n`);
    expect(res.body).toContain('\nproportio_audit_anchor_ok 1\n');
    await tick();
    expect(anchors().at(-1)!.seq).toBe(head);
  });

  it('reports the newest entries cut off: verify names the last good anchor (API, CLI exit 1, health)', async () => {
    const good = anchors().at(-2)!;
    const newest = anchors().at(-1)!;
    // The attacker removes the newest entries; the chain that remains still links.
    await withoutAuditGuards(t.rt.database, (db) =>
      db.deleteFrom('audit_log').where('seq', '>', good.seq).execute(),
    );
    expect(await headSeq()).toBe(good.seq);

    const expected = {
      ok: false,
      checked: good.seq,
      problem: {
        kind: 'truncated',
        seq: newest.seq,
        detail: `entry ${newest.seq}, anchored at ${newest.at} (line ${anchors().length}), is missing: the chain ends at entry ${good.seq}; last good anchor: entry ${good.seq} at ${good.at} (line ${anchors().length - 1})`,
      },
      anchor: { present: true, lastGood: { seq: good.seq, hash: good.hash } },
    };
    expect(await t.rt.services.audit.verify()).toMatchObject(expected);
    const api = await t.app.inject({ method: 'GET', url: '/api/audit/verify', headers: auditor.headers });
    expect(api.statusCode).toBe(200);
    expect(api.json()).toMatchObject(expected);

    const cli = await cliAgainst(t, ['audit', 'verify', '--anchor', t.rt.config.auditAnchor.file]);
    expect(cli.code, cli.stderr).toBe(1);
    expect(cli.stdout).toContain(`AUDIT CHAIN BROKEN against its anchor (truncated): entry ${newest.seq}`);
    expect(cli.stdout).toContain(`last good anchor: entry ${good.seq} at ${good.at}`);
    // Without --anchor the configured file is used.
    expect((await cliAgainst(t, ['audit', 'verify'])).code).toBe(1);

    // The server's own check at the next anchoring says so on every screen.
    await tick();
    const health = await t.app.inject({ method: 'GET', url: '/api/health', headers: auditor.headers });
    expect(health.json<{ items: Array<{ code: string; params?: unknown }> }>().items).toContainEqual(
      expect.objectContaining({ code: 'audit.anchor-mismatch', params: { seq: newest.seq, at: newest.at } }),
    );
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics', headers: auditor.headers });
    expect(metrics.body).toContain('\nproportio_audit_anchor_ok 0\n');
  });

  it('reports every entry cut off', async () => {
    const first = anchors()[0]!;
    await withoutAuditGuards(t.rt.database, (db) => db.deleteFrom('audit_log').execute());
    expect(await t.rt.store.read.audit.count()).toBe(0);
    expect(await t.rt.services.audit.verify()).toMatchObject({
      ok: false,
      checked: 0,
      problem: {
        kind: 'truncated',
        seq: first.seq,
        detail: expect.stringContaining('the chain is empty; no earlier anchor holds'),
      },
      anchor: { lastGood: null },
    });
    const cli = await cliAgainst(t, ['audit', 'verify', '--json', '--anchor', t.rt.config.auditAnchor.file]);
    expect(cli.code, cli.stderr).toBe(1);
    expect(JSON.parse(cli.stdout)).toMatchObject({
      ok: false,
      problem: { kind: 'truncated', seq: first.seq },
    });
  });

  it('refuses an anchor file that cannot be read (exit 66), and anchors signed by another key', async () => {
    const missing = await cliAgainst(t, ['audit', 'verify', '--anchor', path.join(t.dataDir, 'nope.jsonl')]);
    expect(missing.code).toBe(66);
    expect(missing.stderr).toContain('AUDIT.ANCHOR_UNREADABLE');
    // Checked with a key that did not sign them (here: a fresh key of another installation).
    const otherDir = fs.mkdtempSync(path.join(t.dataDir, 'other-'));
    const { anchorKeys } = await import('../../src/adapters/crypto/audit-anchor.js');
    anchorKeys(path.join(otherDir, 'k.key')).signer();
    const foreign = await cliAgainst(t, [
      'audit',
      'verify',
      '--anchor',
      t.rt.config.auditAnchor.file,
      '--anchor-key',
      path.join(otherDir, 'k.key.pub'),
    ]);
    expect(foreign.code).toBe(1);
    expect(foreign.stdout).toContain('(anchor-signature): anchor line 1 was signed by key');
  });
});
