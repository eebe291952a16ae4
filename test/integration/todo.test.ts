/**
 * GET /api/me/todo (the start page): each person's list by their permissions and the sites they
 * serve. A De Brink user never sees a Stadhuis incident report, hold or viewing request.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordingModule } from '../../src/compose/recording.compose.js';
import { packageRoot } from '../../src/main.js';
import { availableDialects } from '../support/databases.js';
import { loginAs, type TestRuntime } from '../support/test-runtime.js';
import { SYSTEM, startTwoSites, type TwoSites } from '../support/two-sites.js';

const dialects = await availableDialects();

interface Item {
  kind: string;
  id: string;
  title: string | null;
  roomId: string | null;
  incidentId: string | null;
  at: string;
  overdue: boolean;
}

describe.each(dialects)('the to-do list on %s', (dialect) => {
  let f: TwoSites;
  let t: TestRuntime;
  let holdId: string;
  let assessmentId: string;
  const todo = async (headers: Record<string, string>): Promise<Item[]> => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me/todo', headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Item[] }>().items;
  };
  const as = async (username: string) => (await loginAs(t.app, username)).headers;

  beforeAll(async () => {
    f = await startTwoSites(dialect, ['security', 'front-desk', 'dpo'], 100_000);
    t = f.t;
    const recording = t.rt.modules.find((m) => m.name === 'recording') as RecordingModule;
    const hold = await recording.holds.place(SYSTEM, f.stadhuis.clipId, {
      reason: 'Aangifte',
      until: new Date(t.rt.clock.now().getTime() + 3 * 86_400_000).toISOString(),
    });
    if (!hold.ok) throw new Error(hold.error.message);
    holdId = hold.value.id;
    const scenario = JSON.parse(
      fs.readFileSync(path.join(packageRoot(), 'examples', 'incident-triggered-recording.json'), 'utf8'),
    ) as Record<string, unknown> &
      Record<'scope' | 'safeguards' | 'dpia' | 'evidence', Record<string, unknown>>;
    // As an author submits it: the workflow's records left out, the demo's room and kind of conversation.
    delete scenario.humanJudgements;
    delete scenario.safeguards.dpoAdviceDate;
    delete scenario.dpia.dataSubjectViews;
    delete scenario.evidence.incidents;
    scenario.title = 'Camera spreekkamer A';
    scenario.scope = {
      ...scenario.scope,
      rooms: [{ id: f.stadhuis.roomId, name: 'Spreekkamer' }],
      conversationTypes: [{ id: f.typeId, name: 'Gesprek', sensitive: true }],
    };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/assessments',
      headers: await as('beveiliging'),
      payload: { scenario },
    });
    expect(created.statusCode, created.body).toBe(201);
    assessmentId = created.json<{ assessment: { id: string } }>().assessment.id;
  }, 180_000);
  afterAll(async () => t?.close());

  it('asks the DPO for advice on a version that has none, and the decision maker nothing yet', async () => {
    expect(await todo(await as('fg'))).toContainEqual(
      expect.objectContaining({ kind: 'advise', id: assessmentId, title: 'Camera spreekkamer A' }),
    );
    expect((await todo(await as('secretaris'))).map((i) => i.kind)).not.toContain('decide');
  });

  it('asks the decision maker to decide once the version is submitted', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/assessments/${assessmentId}/submit`,
      headers: await as('beveiliging'),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await todo(await as('secretaris'))).toContainEqual(
      expect.objectContaining({ kind: 'decide', id: assessmentId, title: 'Camera spreekkamer A' }),
    );
  });

  it('gives security the incident reports to complete and the holds about to lapse, at every site they serve', async () => {
    const items = await todo(await as('beveiliging'));
    expect(items).toContainEqual(
      expect.objectContaining({ kind: 'report', id: f.stadhuis.incidentId, roomId: f.stadhuis.roomId }),
    );
    expect(items).toContainEqual(
      expect.objectContaining({ kind: 'hold-lapses', id: holdId, incidentId: f.stadhuis.incidentId }),
    );
  });

  it('gives the front-desk employee who raised the alarm its report', async () => {
    const items = await todo(await as('balie'));
    expect(items.map((i) => `${i.kind}:${i.id}`)).toEqual([`report:${f.stadhuis.incidentId}`]);
  });

  it("puts a resident's request past its deadline on the DPO's list, not on another site's", async () => {
    const day = 86_400_000;
    const now = t.rt.clock.now().getTime();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/rights/requests',
      headers: await as('fg'),
      payload: {
        kind: 'access',
        channel: 'post',
        // Received 40 days ago: one month (at most 31 days, a holiday or weekend a few more) has passed.
        receivedAt: new Date(now - 40 * day).toISOString(),
        roomId: f.stadhuis.roomId,
        windowFrom: new Date(now - 42 * day).toISOString(),
        windowTo: new Date(now - 42 * day + 3_600_000).toISOString(),
        requesterContact: 'Dorpsstraat 1, Lindewaard',
        identityMethod: 'known-contact',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const request = res.json<{ id: string; deadline: { status: string; dueOn: string } }>();
    expect(request.deadline.status).toBe('overdue');
    const items = await todo(await as('fg'));
    expect(items[0]).toMatchObject({
      kind: 'answer-request',
      id: request.id,
      roomId: f.stadhuis.roomId,
      at: request.deadline.dueOn,
      overdue: true,
    });
    const brink = await t.app.inject({
      method: 'GET',
      url: '/api/me/todo',
      headers: f.brinkOnly.get('dpo')!,
    });
    expect(brink.body).not.toContain(request.id);
    for (const who of ['beveiliging', 'balie', 'beheer'])
      expect((await todo(await as(who))).map((i) => i.kind)).not.toContain('answer-request');
  });

  it("never shows a De Brink user the Stadhuis's reports or holds", async () => {
    for (const role of ['security', 'front-desk', 'dpo'] as const) {
      const res = await t.app.inject({ method: 'GET', url: '/api/me/todo', headers: f.brinkOnly.get(role)! });
      expect(res.statusCode).toBe(200);
      for (const id of [f.stadhuis.incidentId, f.stadhuis.clipId, holdId, f.stadhuis.roomId])
        expect(res.body, `${role} sees ${id}`).not.toContain(id);
    }
  });

  it('has nothing for the auditor, and answers 401 without a session', async () => {
    expect(await todo(await as('auditor'))).toEqual([]);
    const res = await t.app.inject({ method: 'GET', url: '/api/me/todo' });
    expect(res.statusCode).toBe(401);
  });
});
