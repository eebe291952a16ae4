/**
 * Legal holds and deletion records (issue 10 §3), over real HTTP on both dialects, with an injected
 * clock: a held clip survives the retention sweep and goes at the sweep after its hold ends
 * (released or expired); bad input changes nothing; every deletion leaves a record and a
 * `clip.deleted` audit entry; the clip's key material goes with its files (crypto-shred, checked
 * with the real `age`).
 */
import { execFile } from 'node:child_process';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openClipStore, readClipHeaders } from '../../src/adapters/vault/clip-store.js';
import { formatIdentityFile, generateIdentity } from '../../src/adapters/vault/keys.js';
import type { RecordingModule } from '../../src/compose/recording.compose.js';
import { availableDialects } from '../support/databases.js';
import { recordingModule } from '../support/recorder.js';
import { sealTestClip } from '../support/sealed-clip.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';
import { toolsAvailable } from '../support/tools.js';
import { TEST_PASSWORD, demoSites, loggedInUser } from '../support/two-sites.js';

const dialects = await availableDialects();
const hasAge = toolsAvailable('crypto-shred', 'age');
const run = promisify(execFile);
const AGE = process.env.PROPORTIO_AGE_BIN ?? '/usr/bin/age';

const HOUR = 3_600_000;

/** All files under a folder, recursively. */
const filesUnder = async (dir: string): Promise<string[]> => {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
};

describe.each(dialects)('legal holds and deletion records (%s)', (dialect) => {
  let t: TestRuntime;
  let rec: RecordingModule;
  let at = Date.parse('2026-03-04T10:00:00Z');
  const clock = { now: () => new Date(at) };
  const identity = generateIdentity();
  // Who calls: logged in afresh for each call, since the injected clock jumps past session lifetimes.
  const fg = 'fg';
  const security = 'beveiliging';
  const balie = 'balie';
  const brinkSecurity = 'brink-security';
  let clipsDir: string;

  const api = async (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: (await loginAs(t.app, who, who === brinkSecurity ? TEST_PASSWORD : undefined)).headers,
      ...(payload === undefined ? {} : { payload }),
    });
  const seal = (id: string) => sealTestClip(t, id, identity.recipient.text, Buffer.alloc(70_000, id));
  const place = (clipId: string, body: object, h: string = security) =>
    api('POST', `/api/recording/clips/${clipId}/holds`, h, body);
  const holdsOf = async (clipId: string) =>
    (await api('GET', `/api/recording/clips/${clipId}/holds`, fg)).json<{
      held: boolean;
      heldUntil: string | null;
      maxDays: number;
      holds: { id: string; state: string; until: string; beyondMaximum: boolean }[];
    }>();
  /** Audit entries about the clip and the hold maximum (logins are audited too, so not the count of all). */
  const auditCount = async (clipId: string) =>
    (await t.rt.store.read.audit.page({ limit: 500, subject: `clip:${clipId}` })).length +
    (await t.rt.store.read.audit.page({ limit: 500, action: 'footage.hold-policy' })).length;

  beforeAll(async () => {
    t = await startTestRuntime({
      dialect,
      demo: true,
      clock,
      loginAttemptsPerMinute: 100_000,
      env: { PROPORTIO_MQTT_PORT: '-1' },
    });
    rec = recordingModule(t);
    clipsDir = path.join(t.dataDir, 'vault', 'clips');
    const { brink } = await demoSites(t);
    await loggedInUser(t, brinkSecurity, ['security'], [brink.id]);
  }, 120_000);
  afterAll(async () => t?.close());

  it('a held clip survives the retention sweep; released, it goes at the next sweep', async () => {
    await seal('held-1');
    await seal('free-1');
    const placed = await place('held-1', {
      reason: 'aangifte na bedreiging',
      policeReport: 'PL0900-2026-123',
      until: '2026-03-20',
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const hold = placed.json<{ id: string; until: string; state: string }>();
    expect(hold).toMatchObject({ until: '2026-03-20T23:00:00.000Z', state: 'live' });
    const clip = (await api('GET', '/api/recording/clips/held-1', fg)).json<{
      held: boolean;
      heldUntil: string;
    }>();
    expect(clip).toMatchObject({ held: true, heldUntil: '2026-03-20T23:00:00.000Z' });

    at += 73 * HOUR; // past the 72 h retention of both
    const first = await rec.sweepRetention();
    expect(first.deleted).toEqual(['free-1']);
    expect(first.failed).toEqual([]);
    expect((await rec.service.getClip('held-1'))?.status).toBe('sealed');
    expect((await readdir(path.join(clipsDir, 'held-1'))).filter((f) => f.endsWith('.age'))).toHaveLength(2);
    await expect(stat(path.join(clipsDir, 'free-1'))).rejects.toThrow();

    const released = await api('POST', `/api/recording/holds/${hold.id}/release`, security, {
      reason: 'zaak geseponeerd',
    });
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json()).toMatchObject({ state: 'released', releaseReason: 'zaak geseponeerd' });
    const again = await api('POST', `/api/recording/holds/${hold.id}/release`, security, {
      reason: 'nogmaals',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ code: string }>().code).toBe('HOLD.ENDED');

    expect((await rec.sweepRetention()).deleted).toEqual(['held-1']);
    expect(await rec.service.getClip('held-1')).toMatchObject({
      status: 'deleted',
      deletedReason: 'retention',
    });

    const audit = await t.rt.store.read.audit.page({ limit: 50, subject: 'clip:held-1' });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['clip.hold.placed', 'clip.hold.released', 'clip.deleted']),
    );
    expect(audit.find((a) => a.action === 'clip.hold.released')?.details).toMatchObject({
      holdId: hold.id,
      reason: 'zaak geseponeerd',
    });
  });

  it('several holds: the clip is held while any is live; an expired hold no longer protects', async () => {
    await seal('two-holds');
    const a = await place('two-holds', { reason: 'klacht ingediend', until: '2026-03-12' });
    const b = await place('two-holds', { reason: 'aangifte', until: '2026-03-15' });
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    at += 73 * HOUR; // 2026-03-10
    expect((await rec.sweepRetention()).deleted).not.toContain('two-holds');
    await api('POST', `/api/recording/holds/${b.json<{ id: string }>().id}/release`, fg, {
      reason: 'ingetrokken',
    });
    expect((await holdsOf('two-holds')).held).toBe(true); // a is still live
    expect((await rec.sweepRetention()).deleted).not.toContain('two-holds');
    at = Date.parse('2026-03-13T00:00:00Z'); // a ended at the end of 12 March (Amsterdam)
    const view = await holdsOf('two-holds');
    expect(view.held).toBe(false);
    expect(view.holds.map((h) => h.state).sort()).toEqual(['expired', 'released']);
    expect((await rec.sweepRetention()).deleted).toContain('two-holds');
  });

  it('bad input: a clear error and nothing changed', async () => {
    await seal('bad-input');
    const before = { audit: await auditCount('bad-input') };
    const cases: [string, Promise<{ statusCode: number; json: () => unknown }>, number, string][] = [
      [
        'until in the past',
        place('bad-input', { reason: 'aangifte', until: '2026-03-01' }),
        422,
        'HOLD.UNTIL_INVALID',
      ],
      ['no reason', place('bad-input', { reason: ' ', until: '2026-04-01' }), 422, 'HOLD.REASON_REQUIRED'],
      [
        'malformed until',
        place('bad-input', { reason: 'aangifte', until: 'morgen' }),
        422,
        'HOLD.UNTIL_INVALID',
      ],
      [
        'beyond the maximum',
        place('bad-input', { reason: 'aangifte', until: '2028-01-01' }),
        422,
        'HOLD.BEYOND_MAXIMUM',
      ],
      [
        'a deleted clip',
        place('free-1', { reason: 'te laat', until: '2026-04-01' }),
        409,
        'HOLD.CLIP_DELETED',
      ],
      [
        'an unknown clip',
        place('no-such-clip', { reason: 'aangifte', until: '2026-04-01' }),
        404,
        'RESOURCE.NOT_FOUND',
      ],
      [
        "another site's clip",
        place('bad-input', { reason: 'aangifte', until: '2026-04-01' }, brinkSecurity),
        404,
        'RESOURCE.NOT_FOUND',
      ],
      [
        'the wrong role',
        place('bad-input', { reason: 'aangifte', until: '2026-04-01' }, balie),
        403,
        'AUTH.FORBIDDEN',
      ],
      [
        'the maximum set by security',
        api('PUT', '/api/recording/hold-policy', security, { maxDays: 10 }),
        403,
        'AUTH.FORBIDDEN',
      ],
      [
        'an unknown hold',
        api('POST', '/api/recording/holds/no-such-hold/release', fg, { reason: 'weg' }),
        404,
        'HOLD.NOT_FOUND',
      ],
    ];
    for (const [name, p, status, code] of cases) {
      const r = await p;
      expect(r.statusCode, name).toBe(status);
      expect((r.json() as { code: string }).code, name).toBe(code);
    }
    expect((await holdsOf('bad-input')).holds).toEqual([]);
    expect(await auditCount('bad-input')).toBe(before.audit);
    // Another site's clip is also not there for listing its holds.
    expect((await api('GET', '/api/recording/clips/bad-input/holds', brinkSecurity)).statusCode).toBe(404);
  });

  it('the maximum: set by the DPO (audited); past it an extension needs a new reason, recorded as such', async () => {
    const set = await api('PUT', '/api/recording/hold-policy', fg, { maxDays: 10 });
    expect(set.statusCode, set.body).toBe(200);
    expect((await api('GET', '/api/recording/hold-policy', security)).json()).toEqual({ maxDays: 10 });
    await seal('long-hold');
    const today = new Date(at).toISOString().slice(0, 10);
    const farDay = new Date(at + 20 * 24 * HOUR).toISOString().slice(0, 10);
    expect((await place('long-hold', { reason: 'aangifte', until: farDay })).json()).toMatchObject({
      code: 'HOLD.BEYOND_MAXIMUM',
    });
    const h = (
      await place('long-hold', { reason: 'aangifte', until: new Date(at + 5 * 24 * HOUR).toISOString() })
    ).json<{
      id: string;
    }>();
    expect(today).toBe('2026-03-13');
    const same = await api('POST', `/api/recording/holds/${h.id}/extend`, security, {
      until: farDay,
      reason: 'Aangifte',
    });
    expect(same.json<{ code: string }>().code).toBe('HOLD.NEW_REASON_REQUIRED');
    const ext = await api('POST', `/api/recording/holds/${h.id}/extend`, security, {
      until: farDay,
      reason: 'rechtszaak op 1 april',
    });
    expect(ext.statusCode, ext.body).toBe(200);
    expect(ext.json()).toMatchObject({ beyondMaximum: true, extensionReason: 'rechtszaak op 1 april' });
    const audit = await t.rt.store.read.audit.page({
      limit: 5,
      subject: 'clip:long-hold',
      action: 'clip.hold.extended',
    });
    expect(audit[0]?.details).toMatchObject({
      beyondMaximum: true,
      maxDays: 10,
      reason: 'rechtszaak op 1 april',
    });
    const policyAudit = await t.rt.store.read.audit.page({ limit: 1, action: 'footage.hold-policy' });
    expect(policyAudit[0]?.details).toMatchObject({ before: 365, after: 10 });
    await api('PUT', '/api/recording/hold-policy', fg, { maxDays: 365 });
  });

  it('every deletion leaves a record and a clip.deleted entry; erasure is refused while a hold stands', async () => {
    await seal('erase-me');
    await seal('erase-held');
    await place('erase-held', { reason: 'aangifte', until: new Date(at + 3 * 24 * HOUR).toISOString() });
    const fgUser = (await t.rt.store.read.users.findByUsername('fg'))!;
    const actor = {
      kind: 'user' as const,
      userId: fgUser.id,
      username: 'fg',
      roles: ['dpo' as const],
      siteIds: [],
    };
    const held = await rec.service.deleteClip(actor, 'erase-held', 'erasure');
    expect(held.ok ? 'ok' : held.error.code).toBe('HOLD.CLIP_HELD');
    expect((await rec.service.getClip('erase-held'))?.status).toBe('sealed');
    const r = await rec.service.deleteClip(actor, 'erase-me', 'erasure');
    expect(r.ok, JSON.stringify(r)).toBe(true);
    await rec.service.clipOpened({
      id: 'still-recording',
      cameraId: (await rec.service.getClip('erase-me'))!.cameraId,
      roomId: (await rec.service.getClip('erase-me'))!.roomId,
      siteId: (await rec.service.getClip('erase-me'))!.siteId,
      alarmId: null,
      incidentId: null,
      alarmIds: [],
      incidentIds: [],
      conversationId: null,
      mode: 'incident',
      policySeq: null,
      policyCompiledAt: null,
      policyHash: null,
      assessmentIds: [],
      retentionHours: 1,
    });
    const recording = await rec.service.deleteClip(actor, 'still-recording', 'erasure');
    expect(recording.ok ? 'ok' : recording.error.code).toBe('RECORDING.CLIP_UNAVAILABLE');
    const twice = await rec.service.deleteClip(actor, 'erase-me', 'objection');
    expect(twice.ok ? 'ok' : twice.error.code).toBe('HOLD.CLIP_DELETED');

    const records = (await api('GET', '/api/recording/deletions?limit=100', security)).json<
      {
        clipId: string;
        reason: string;
        deletedBy: string;
        parts: number;
        manifestDigest: string;
        incidentIds: string[];
      }[]
    >();
    const byClip = new Map(records.map((d) => [d.clipId, d]));
    expect(byClip.get('free-1')).toMatchObject({
      reason: 'retention',
      deletedBy: 'recorder',
      incidentIds: ['i1'],
    });
    expect(byClip.get('held-1')?.reason).toBe('retention');
    expect(byClip.get('erase-me')).toMatchObject({ reason: 'erasure', deletedBy: actor.userId });
    expect(byClip.get('erase-me')?.manifestDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(byClip.has('erase-held')).toBe(false);
    const filtered = (await api('GET', '/api/recording/deletions?clipId=erase-me', fg)).json<unknown[]>();
    expect(filtered).toHaveLength(1);
    const none = (await api('GET', '/api/recording/deletions?from=2030-01-01T00:00:00Z', fg)).json<
      unknown[]
    >();
    expect(none).toEqual([]);
    // The auditor sees the records; another site's user does not see these (all at the Stadhuis).
    expect((await api('GET', '/api/recording/deletions', 'auditor')).statusCode).toBe(200);
    expect((await api('GET', '/api/recording/deletions', brinkSecurity)).json()).toEqual([]);
    expect((await api('GET', '/api/recording/deletions', balie)).statusCode).toBe(403);

    for (const id of ['free-1', 'held-1', 'erase-me']) {
      const audit = await t.rt.store.read.audit.page({
        limit: 10,
        subject: `clip:${id}`,
        action: 'clip.deleted',
      });
      expect(audit, id).toHaveLength(1);
      expect(audit[0]?.details, id).toMatchObject({ reason: byClip.get(id)?.reason });
    }
  });

  it.skipIf(!hasAge)(
    'crypto-shred: no byte of any part header stays in the vault; age has nothing to open',
    async () => {
      // Its own key, so `age -d` with it can only ever open this clip's files.
      const own = generateIdentity();
      await sealTestClip(t, 'shred-me', own.recipient.text, Buffer.alloc(70_000, 7));
      const store = await openClipStore(clipsDir);
      if (!store.ok) throw new Error(store.error.message);
      const headers = await readClipHeaders(store.value, 'shred-me');
      if (!headers.ok) throw new Error(headers.error.message);
      expect(headers.value.parts).toHaveLength(2);
      const keyFile = path.join(t.dataDir, 'identity.txt');
      await writeFile(keyFile, formatIdentityFile(own, new Date(at)), { mode: 0o600 });
      const part0 = path.join(clipsDir, 'shred-me', 'part-000000.age');
      // The control: before deletion, age opens the part with the identity.
      await expect(run(AGE, ['-d', '-i', keyFile, part0], { encoding: 'buffer' })).resolves.toBeDefined();
      // A leftover temporary file inside the clip's folder (a seal a crash interrupted) goes too.
      await writeFile(
        path.join(clipsDir, 'shred-me', '.part-000002.age.abcdef.tmp'),
        headers.value.parts[0]!.header,
      );

      const actor = { kind: 'system' as const, name: 'test' };
      const r = await rec.service.deleteClip(actor, 'shred-me', 'objection');
      expect(r.ok, JSON.stringify(r)).toBe(true);

      const vaultDir = path.join(t.dataDir, 'vault');
      const files = await filesUnder(vaultDir);
      for (const f of files) {
        const bytes = await readFile(f);
        for (const p of headers.value.parts) {
          // The header's stanza body (the wrapped file key) and its MAC: neither may remain.
          const lines = p.header
            .toString('latin1')
            .split('\n')
            .filter((l) => l.length >= 20 && !l.startsWith('age-encryption.org/'));
          for (const l of lines)
            expect(bytes.includes(Buffer.from(l, 'latin1')), `${f} holds ${l}`).toBe(false);
        }
        await expect(run(AGE, ['-d', '-i', keyFile, f]), f).rejects.toThrow();
      }
      expect(files.some((f) => f.includes('shred-me'))).toBe(false);
      await expect(run(AGE, ['-d', '-i', keyFile, part0])).rejects.toThrow();
    },
  );
});
