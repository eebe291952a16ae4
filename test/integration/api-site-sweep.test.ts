/**
 * The route × role × site sweep. Every route the app registered (read from the app itself, so a
 * route added later is swept too) is called by a user of each role who serves only De Brink,
 * against things of the Stadhuis. What to expect comes from the route's declarations, not from a
 * list kept here:
 *
 * - `config.access`: a role without the permission gets 403 AUTH.FORBIDDEN;
 * - `config.sites` (src/http/access.ts, required with a path parameter): a Stadhuis thing of that
 *   kind is never answered with 2xx — 404 as for an unknown id (or 403);
 * - every route not declared organisation-wide: whatever it answers, a 2xx never carries a
 *   Stadhuis id (a write that names a Stadhuis room or site in its body included: bodies are built
 *   from the route's own JSON Schema, ids filled with the Stadhuis's).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, hasPermission, type Role } from '../../src/core/auth/roles.js';
import type { DeclaredRoute, SiteScope } from '../../src/http/access.js';
import { createViewingStore } from '../../src/adapters/db/repositories/viewing.repository.js';
import { availableDialects } from '../support/databases.js';
import { loginAs, type TestRuntime } from '../support/test-runtime.js';
import type { RecordingModule } from '../../src/compose/recording.compose.js';
import type { ComplaintsModule } from '../../src/compose/complaints.compose.js';
import type { RightsModule } from '../../src/compose/rights.compose.js';
import { SYSTEM, UNKNOWN_ID, startTwoSites } from '../support/two-sites.js';

const dialects = await availableDialects();

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  const?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  items?: Schema;
  pattern?: string;
};

/** A value the schema accepts; ids named like a Stadhuis thing get the Stadhuis's id. */
const sample = (s: Schema | undefined, name: string, ids: Record<string, string>): unknown => {
  if (!s) return undefined;
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.anyOf) return sample(s.anyOf.find((o) => o.type !== 'null') ?? s.anyOf[0], name, ids);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {}))
        if (s.required?.includes(k) || k in ids) out[k] = sample(v, k, ids);
      return out;
    }
    case 'array':
      return (s.minItems ?? 0) > 0 || name in ids ? [sample(s.items, name.replace(/s$/, ''), ids)] : [];
    case 'integer':
    case 'number':
      return Math.min(s.maximum ?? Number.MAX_SAFE_INTEGER, Math.max(s.minimum ?? 1, 1));
    case 'boolean':
      return false;
    case 'string': {
      if (name in ids) return ids[name];
      if (s.pattern?.includes('[0-9]{4}')) return '2026-02-01T10:00:00Z';
      const text = 'Sweep de Brink';
      return text.padEnd(s.minLength ?? 0, 'x').slice(0, s.maxLength ?? 100);
    }
    case undefined:
    default:
      return undefined;
  }
};

describe.each(dialects)('route × role × site sweep on %s', (dialect) => {
  let t: TestRuntime;
  const brinkOnly = new Map<Role, Record<string, string>>();
  /** One Stadhuis thing of each kind a path parameter can name. */
  const stadhuis = {} as Record<Exclude<SiteScope, 'organisation'>, string>;
  let stadhuisIds: string[] = [];
  let bodyIds: Record<string, string> = {};

  beforeAll(async () => {
    const f = await startTwoSites(dialect, ROLES, 100_000);
    t = f.t;
    for (const [role, headers] of f.brinkOnly) brinkOnly.set(role, headers);
    stadhuis.site = f.stadhuis.siteId;
    stadhuis.room = f.stadhuis.roomId;
    stadhuis.conversation = f.stadhuis.conversationId;
    stadhuis.alarm = f.stadhuis.alarmId;
    stadhuis.incident = f.stadhuis.incidentId;
    stadhuis.camera = f.stadhuis.cameraId;
    stadhuis.clip = f.stadhuis.clipId;
    const beheer = (await loginAs(t.app, 'beheer')).headers;
    const device = await t.app.inject({
      method: 'POST',
      url: '/api/devices',
      headers: beheer,
      payload: { name: 'Sweep knop', kind: 'button', roomId: stadhuis.room },
    });
    stadhuis.device = device.json<{ device: { id: string } }>().device.id;
    const susp = await t.app.inject({
      method: 'POST',
      url: '/api/recording/suspensions',
      headers: beheer,
      payload: { scope: 'site', siteId: stadhuis.site, reason: 'sweep Stadhuis' },
    });
    stadhuis.suspension = susp.json<{ id: string }>().id;
    // A legal hold on the Stadhuis clip (issue 10 §3), placed by the system: the 'hold' scope.
    const recording = t.rt.modules.find((m) => m.name === 'recording') as RecordingModule;
    const hold = await recording.holds.place(SYSTEM, stadhuis.clip, {
      reason: 'sweep Stadhuis',
      until: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    if (!hold.ok) throw new Error(hold.error.message);
    stadhuis.hold = hold.value.id;
    // A granted viewing request for the Stadhuis clip (stored as the service would; its keys are
    // not in memory, so even its requester could not play it), and a play token nobody holds.
    const viewingRequest = 'vr-stadhuis-1';
    const stadhuisFg = await t.rt.store.read.users.findByUsername('fg');
    await createViewingStore(t.rt.database).read.viewing.insertRequest({
      id: viewingRequest,
      clipId: stadhuis.clip,
      siteId: stadhuis.site,
      vault: 'age1sweep',
      requestedBy: stadhuisFg!.id,
      requestedAt: '2026-02-01T10:00:00.000Z',
      reason: 'Sweep: a Stadhuis request',
      legalGround: 'police-report',
      policeReport: 'PL-sweep',
      purposes: ['view', 'export'],
      state: 'granted',
      refusedBy: null,
      refusedAt: null,
      refusalReason: null,
      grantId: 'grant-stadhuis-1',
      grantedAt: '2026-02-01T10:05:00.000Z',
      expiresAt: '2099-02-01T11:05:00.000Z',
      playsAllowed: 5,
      playsUsed: 0,
      exportAllowed: true,
      endedAt: null,
      endReason: null,
      endedBy: null,
      heldBy: null,
    });
    stadhuis['viewing-request'] = viewingRequest;
    // A resident's request naming the Stadhuis room (issue 12 §1): the 'rights-request' scope.
    const rights = t.rt.modules.find((m) => m.name === 'rights') as RightsModule;
    const request = await rights.service.create(SYSTEM, {
      kind: 'erasure',
      channel: 'post',
      receivedAt: '2026-02-01T10:00:00Z',
      roomId: stadhuis.room,
      windowFrom: '2026-02-01T08:00:00Z',
      windowTo: '2026-02-01T09:00:00Z',
      requesterContact: 'Sweep Stadhuis',
      identityMethod: 'signature',
    });
    if (!request.ok) throw new Error(request.error.message);
    stadhuis['rights-request'] = request.value.id;
    // A complaint about the Stadhuis (issue 12 §3): the 'complaint' scope.
    const complaints = t.rt.modules.find((m) => m.name === 'complaints') as ComplaintsModule;
    const complaint = await complaints.service.create(SYSTEM, {
      kind: 'complaint',
      source: 'resident',
      receivedAt: '2026-02-01T10:00:00Z',
      siteId: stadhuis.site,
      subject: 'Sweep Stadhuis',
      links: [{ kind: 'room', targetId: stadhuis.room }],
    });
    if (!complaint.ok) throw new Error(complaint.error.message);
    stadhuis.complaint = complaint.value.id;
    stadhuis.grant = 'grant-stadhuis-1';
    stadhuis.play = 'play-token-stadhuis-0000000000';
    stadhuisIds = Object.values(stadhuis);
    for (const id of stadhuisIds) expect(id, JSON.stringify(stadhuis)).toMatch(/^[A-Za-z0-9-]+$/);
    bodyIds = {
      roomId: stadhuis.room,
      siteId: stadhuis.site,
      conversationTypeId: f.typeId,
      incidentId: stadhuis.incident,
      alarmId: stadhuis.alarm,
      cameraId: stadhuis.camera,
      clipId: stadhuis.clip,
    };
  }, 180_000);
  afterAll(async () => t?.close());

  const routes = (): DeclaredRoute[] =>
    t.app.declaredRoutes.filter(
      (r) =>
        r.access !== 'public' &&
        // An agent's routes take no user at all; its token binds it to its one site (recorder-agent tests).
        r.access !== 'agent' &&
        // Logout would end the session the remaining rows need; streams are held open (alarm-sse tests).
        r.url !== '/api/auth/logout' &&
        !r.url.endsWith('/stream'),
    );

  it('every route with a path parameter declares what it names (config.sites)', () => {
    const missing = t.app.declaredRoutes
      .filter((r) => /\/:[A-Za-z]+/.test(r.url) && r.sites === undefined)
      .map((r) => `${r.method} ${r.url}`);
    expect(missing, 'add config.sites (src/http/access.ts SiteScope) to these routes').toEqual([]);
    expect(routes().length).toBeGreaterThan(60);
  });

  it("no route answers a De Brink user with the Stadhuis's things", async () => {
    const failures: string[] = [];
    for (const route of routes()) {
      const scope = route.sites;
      const id = scope === undefined || scope === 'organisation' ? UNKNOWN_ID : stadhuis[scope];
      const url = route.url.replace(/:([A-Za-z]+)/g, (_m, p: string) =>
        p === 'key' ? 'alarm.escalationSeconds' : id,
      );
      const payload =
        route.method === 'GET' || route.method === 'DELETE'
          ? undefined
          : ((sample(route.body as Schema | undefined, 'body', bodyIds) as object | undefined) ?? {});
      for (const role of ROLES) {
        const res = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers: brinkOnly.get(role)!,
          ...(payload === undefined ? {} : { payload }),
        });
        const what = `${role} ${route.method} ${url}`;
        const allowed =
          route.access === 'authenticated' ||
          (route.access !== 'public' && route.access !== 'agent' && hasPermission([role], route.access));
        const ok = res.statusCode >= 200 && res.statusCode < 300;
        if (!allowed) {
          if (res.statusCode !== 403) failures.push(`${what}: ${res.statusCode}, expected 403 (role)`);
          continue;
        }
        if (scope !== undefined && scope !== 'organisation' && ok)
          failures.push(`${what}: ${res.statusCode} for a Stadhuis ${scope}, expected 404`);
        if (scope !== 'organisation' && ok) {
          const leaked = stadhuisIds.filter((x) => res.body.includes(x));
          if (leaked.length > 0)
            failures.push(`${what}: ${res.statusCode} carries Stadhuis ids ${leaked.join(', ')}`);
        }
        if (res.statusCode >= 500) failures.push(`${what}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
