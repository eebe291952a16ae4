/**
 * Four-eyes viewing on two instances of one PostgreSQL (ADR 0017): a grant's file keys stay in the
 * memory of the instance that assembled them (ADR 0003 §7). The other instance names that
 * instance instead of failing without a word, never ends the grant itself (its settling and its
 * start leave it alone), and refuses an approval whose earlier shares are held on the first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ViewingModule } from '../../src/compose/viewing.compose.js';
import type { ViewingRequestView } from '../../src/http/routes/footage/footage-schemas.js';
import { placeOfHolder } from '../../src/core/viewing/holder.js';
import {
  BV_PASSPHRASE,
  FG_PASSPHRASE,
  initCustodyVault,
  type CustodyVault,
} from '../support/custody-vault.js';
import { availableDialects } from '../support/databases.js';
import { sealTestClip } from '../support/sealed-clip.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const postgres = (await availableDialects()).includes('postgres');
const REASON = 'Onderzoek naar het incident bij de balie van dinsdag';

type Headers = Record<string, string>;

describe.runIf(postgres)('four-eyes viewing on two instances', () => {
  let a: TestRuntime;
  let b: TestRuntime;
  let vault: CustodyVault | undefined;
  const h = {} as Record<'bvA' | 'fgA' | 'bvB' | 'fgB', Headers>;

  const api = async (t: TestRuntime, who: Headers, url: string, payload: object = {}) => {
    const res = await t.app.inject({ method: 'POST', url, headers: who, payload });
    return { status: res.statusCode, body: res.body, json: <T>() => res.json<T>() };
  };
  const request = async (t: TestRuntime, who: Headers) => {
    const r = await api(t, who, '/api/footage/requests', {
      clipId: 'clip-view',
      reason: REASON,
      legalGround: 'own-investigation',
      purposes: ['view'],
    });
    expect(r.status, r.body).toBe(201);
    return r.json<ViewingRequestView>();
  };
  const viewing = (t: TestRuntime) => t.rt.modules.find((m) => m.name === 'viewing') as ViewingModule;
  const stateOf = async (id: string) =>
    (
      await a.rt.database.db
        .selectFrom('viewing_requests')
        .select(['state', 'held_by'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).state;

  beforeAll(async () => {
    a = await startTestRuntime({ dialect: 'postgres', demo: true, env: { PROPORTIO_MQTT_PORT: '-1' } });
    // Another instance serves elsewhere (its own port), on the same database and data folder.
    b = await startTestRuntime({
      dialect: 'postgres',
      joinDatabaseUrl: a.databaseUrl,
      dataDir: a.dataDir,
      env: { PROPORTIO_MQTT_PORT: '-1', PROPORTIO_PORT: '18081' },
    });
    vault = await initCustodyVault(a, 'proportio-viewing-2-');
    await sealTestClip(a, 'clip-view', vault.recipient, Buffer.from('a sealed clip stand-in '.repeat(2000)));
    h.bvA = (await loginAs(a.app, 'beveiliging')).headers;
    h.fgA = (await loginAs(a.app, 'fg')).headers;
    h.bvB = (await loginAs(b.app, 'beveiliging')).headers;
    h.fgB = (await loginAs(b.app, 'fg')).headers;
  }, 120_000);
  afterAll(async () => {
    await vault?.close();
    for (const t of [b, a]) await t?.close();
  });

  it('a grant opened on A is played on A; B names A instead of failing, and ends nothing', async () => {
    const r = await request(a, h.bvA);
    expect(
      (await api(a, h.fgA, `/api/footage/requests/${r.id}/approve`, { passphrase: FG_PASSPHRASE })).status,
    ).toBe(200);
    const g = await api(a, h.bvA, `/api/footage/requests/${r.id}/approve`, { passphrase: BV_PASSPHRASE });
    expect(g.status, g.body).toBe(200);
    const grantId = g.json<ViewingRequestView>().grant!.id;

    const onB = await api(b, h.bvB, `/api/footage/grants/${grantId}/plays`);
    expect(onB.status, onB.body).toBe(409);
    const problem = JSON.parse(onB.body) as { code: string; detail: string; details: { heldOn: string } };
    expect(problem.code).toBe('FOOTAGE.HELD_ELSEWHERE');
    expect(problem.detail).toContain(placeOfHolder(a.rt.cluster.instance.id));
    expect(problem.details.heldOn).toBe(placeOfHolder(a.rt.cluster.instance.id));

    // B settling and B starting again leave A's grant alone: A still plays it.
    await viewing(b).service.settle();
    await viewing(b).service.restarted();
    expect(await stateOf(r.id)).toBe('granted');
    const onA = await api(a, h.bvA, `/api/footage/grants/${grantId}/plays`);
    expect(onA.status, onA.body).toBe(201);
  });

  it('an approval on B while the first approval’s share is held on A is refused, naming A, and changes nothing', async () => {
    const r = await request(a, h.bvA);
    expect(
      (await api(a, h.fgA, `/api/footage/requests/${r.id}/approve`, { passphrase: FG_PASSPHRASE })).status,
    ).toBe(200);
    const onB = await api(b, h.bvB, `/api/footage/requests/${r.id}/approve`, { passphrase: BV_PASSPHRASE });
    expect(onB.status, onB.body).toBe(409);
    const problem = JSON.parse(onB.body) as { code: string; detail: string; details: { heldOn: string } };
    expect(problem.code).toBe('FOOTAGE.HELD_ELSEWHERE');
    expect(problem.detail).toContain(placeOfHolder(a.rt.cluster.instance.id));
    expect(problem.details.heldOn).toBe(placeOfHolder(a.rt.cluster.instance.id));
    const approvals = await a.rt.database.db
      .selectFrom('viewing_approvals')
      .select(['state', 'held_by'])
      .where('request_id', '=', r.id)
      .execute();
    expect(approvals).toEqual([{ state: 'waiting', held_by: a.rt.cluster.instance.id }]);
    // On A it completes.
    const g = await api(a, h.bvA, `/api/footage/requests/${r.id}/approve`, { passphrase: BV_PASSPHRASE });
    expect(g.status, g.body).toBe(200);
    expect(g.json<ViewingRequestView>().state).toBe('granted');
  });

  it('a restart of A ends what A held; B does not end it while A runs', async () => {
    const granted = await a.rt.database.db
      .selectFrom('viewing_requests')
      .select('id')
      .where('state', '=', 'granted')
      .execute();
    expect(granted.length).toBeGreaterThan(0);
    // A new run at A's place (same host and port) knows A's keys are gone.
    const again = await startTestRuntime({
      dialect: 'postgres',
      joinDatabaseUrl: a.databaseUrl,
      dataDir: a.dataDir,
      env: { PROPORTIO_MQTT_PORT: '-1' },
    });
    try {
      expect(placeOfHolder(again.rt.cluster.instance.id)).toBe(placeOfHolder(a.rt.cluster.instance.id));
      await viewing(again).service.restarted();
    } finally {
      await again.close();
    }
    for (const { id } of granted) expect(await stateOf(id)).toBe('ended');
  });
});
