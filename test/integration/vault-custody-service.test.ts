/**
 * The custody service's own rules, on both dialects, with opaque stand-ins for sealed shares (the
 * service never looks inside them): one share set per vault key, a re-share only from the set in
 * force, one share per index, custodians that exist and are enabled, and the custodian flag
 * following who holds a share of any key. A refused change leaves nothing behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustodyStore } from '../../src/adapters/db/repositories/custody-store.js';
import type { CurrentShareSet } from '../../src/core/custody/custody.js';
import { custodyService, type NewShare } from '../../src/services/custody.service.js';
import { availableDialects } from '../support/databases.js';
import { startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const dialects = await availableDialects();
const actor = { kind: 'system', name: 'test' } as const;
const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error?.code);

describe.each(dialects)('custody service (%s)', (dialect) => {
  let t: TestRuntime;
  let custody: ReturnType<typeof custodyService>;
  const id = async (username: string) => (await t.rt.store.read.users.findByUsername(username))!.id;
  const flag = async (username: string) => (await t.rt.store.read.users.findByUsername(username))!.custodian;
  const set = (vault: string, generation: number, shares = 3, threshold = 2): CurrentShareSet => ({
    vault,
    generation,
    threshold,
    shares,
  });
  const sharesFor = async (usernames: readonly string[]): Promise<NewShare[]> => {
    const out: NewShare[] = [];
    for (const [i, u] of usernames.entries())
      out.push({
        index: i + 1,
        custodianId: await id(u),
        sealing: 'passphrase',
        sealedTo: null,
        sealed: Buffer.from(`sealed share ${i + 1} of ${u}`),
      });
    return out;
  };
  const auditHead = async () => (await t.rt.store.read.audit.page({ limit: 1 }))[0]?.seq;

  beforeAll(async () => {
    t = await startTestRuntime({ dialect, demo: true, env: { PROPORTIO_MQTT_PORT: '-1' } });
    custody = custodyService({ store: createCustodyStore(t.rt.database), clock: t.rt.clock });
  });
  afterAll(async () => t.close());

  it('establishes one share set per vault key; a second is refused', async () => {
    const r = await custody.establish(actor, {
      action: 'vault.init',
      set: set('age1vaulta', 1),
      shares: await sharesFor(['fg', 'beveiliging', 'secretaris']),
    });
    expect(codeOf(r)).toBe('ok');
    const again = await custody.establish(actor, {
      action: 'vault.init',
      set: set('age1vaulta', 1),
      shares: await sharesFor(['fg', 'beveiliging', 'secretaris']),
    });
    expect(codeOf(again)).toBe('CUSTODY.ALREADY_SET_UP');
    expect((await custody.status('age1vaulta'))?.shares.map((s) => s.username)).toEqual([
      'fg',
      'beveiliging',
      'secretaris',
    ]);
  });

  it('refuses a set with a gap in its indices, a disabled custodian, a re-share from a generation not in force, or of a key without custody; nothing changes', async () => {
    const before = await auditHead();
    const gap = (await sharesFor(['fg', 'beveiliging', 'beheer'])).map((s) =>
      s.index === 3 ? { ...s, index: 4 } : s,
    );
    expect(
      codeOf(
        await custody.establish(actor, { action: 'vault.init', set: set('age1vaultb', 1), shares: gap }),
      ),
    ).toBe('CUSTODY.INVALID_PLAN');
    const balie = await id('balie');
    await t.rt.services.users.update(actor, balie, { disabled: true });
    expect(
      codeOf(
        await custody.establish(actor, {
          action: 'vault.init',
          set: set('age1vaultb', 1),
          shares: await sharesFor(['fg', 'beveiliging', 'balie']),
        }),
      ),
    ).toBe('CUSTODY.CUSTODIAN_INVALID');
    const auditAfterDisable = await auditHead();
    expect(auditAfterDisable).toBe((before ?? 0) + 1); // only the disabling itself
    const stale = await custody.reshare(actor, {
      from: 0,
      set: set('age1vaulta', 1),
      shares: await sharesFor(['fg', 'beveiliging', 'beheer']),
      reason: 'test',
      unlockedBy: ['fg', 'beveiliging'],
    });
    expect(codeOf(stale)).toBe('RESOURCE.CONFLICT');
    const none = await custody.reshare(actor, {
      from: 1,
      set: set('age1nokey', 2),
      shares: await sharesFor(['fg', 'beveiliging', 'beheer']),
      reason: 'test',
      unlockedBy: [],
    });
    expect(codeOf(none)).toBe('CUSTODY.NOT_SET_UP');
    expect(await custody.status('age1vaultb')).toBeUndefined();
    expect((await custody.status('age1vaulta'))?.set.generation).toBe(1);
    expect(await auditHead()).toBe(auditAfterDisable);
    expect(await flag('beheer')).toBe(false);
  });

  it('a leaver keeps the custodian flag while holding a share of another vault key, and loses it after', async () => {
    must(
      await custody.establish(actor, {
        action: 'vault.custody',
        set: set('age1vaultold', 1, 2, 2),
        shares: await sharesFor(['secretaris', 'fg']),
      }),
    );
    must(
      await custody.reshare(actor, {
        from: 1,
        set: set('age1vaulta', 2),
        shares: await sharesFor(['fg', 'beveiliging', 'beheer']),
        reason: 'secretaris leaves key A',
        unlockedBy: ['fg', 'beveiliging'],
      }),
    );
    expect([await flag('secretaris'), await flag('beheer')]).toEqual([true, true]);
    must(
      await custody.reshare(actor, {
        from: 1,
        set: set('age1vaultold', 2, 2, 2),
        shares: await sharesFor(['fg', 'beveiliging']),
        reason: 'secretaris leaves the old key too',
        unlockedBy: ['secretaris', 'fg'],
      }),
    );
    expect(await flag('secretaris')).toBe(false);
    const current = await createCustodyStore(t.rt.database).read.custody.currentShares('age1vaultold');
    expect(current.map((s) => [s.generation, s.index])).toEqual([
      [2, 1],
      [2, 2],
    ]);
  });
});

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
