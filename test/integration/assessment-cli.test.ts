/**
 * `proportio policy show --room ROOM [--json]` against a listening instance over real HTTP: by
 * name or id, off before approval, incident-triggered after, and clear errors for an unknown
 * room or a missing token.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerPolicyCommands } from '../../src/cli/commands/policy.command.js';
import { CliError, type CliIo } from '../../src/cli/io.js';
import type { AssessmentModule } from '../../src/compose/assessment.compose.js';
import { packageRoot } from '../../src/main.js';
import type { Actor } from '../../src/services/ports.js';
import { loginAs, startTestRuntime, type TestRuntime } from '../support/test-runtime.js';

const START = new Date('2026-03-04T09:00:00Z');
const day = (plus: number) => new Date(START.getTime() + plus * 86_400_000).toISOString().slice(0, 10);

const runCli = async (args: string[]): Promise<{ out: string; err: string; code: number }> => {
  let out = '';
  let err = '';
  const io: CliIo = { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) };
  const program = new Command('proportio')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  registerPolicyCommands(program, io);
  program.commands.forEach((c) =>
    c.commands.forEach((cc) =>
      cc.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) }),
    ),
  );
  try {
    await program.parseAsync(args, { from: 'user' });
    return { out, err, code: 0 };
  } catch (e) {
    if (e instanceof CliError) return { out, err: `${err}${e.message}`, code: e.exitCode };
    return { out, err: `${err}${(e as Error).message}`, code: 64 };
  }
};

describe('proportio policy show', () => {
  let t: TestRuntime;
  let token: string;
  let roomId: string;

  beforeAll(async () => {
    t = await startTestRuntime({ demo: true, listen: true, clock: { now: () => START } });
    const s = await loginAs(t.app, 'balie');
    token = (
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/tokens',
        headers: s.headers,
        payload: { name: 'cli' },
      })
    ).json<{ token: string }>().token;
    roomId = (await t.rt.store.read.rooms.list()).find((r) => r.name === 'Spreekkamer 2')!.id;
  });
  afterAll(async () => t?.close());

  const conn = () => ['--url', t.url!, '--token', token];

  it('says off for a room without an approved assessment', async () => {
    const r = await runCli(['policy', 'show', '--room', 'Spreekkamer 2', ...conn()]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Spreekkamer 2');
    expect(r.out).toMatch(/bijstandsgesprek\s+off/);
    expect(r.out).toContain('recording is off');
  });

  it('prints the incident-triggered mode once an assessment is approved, as text and as JSON', async () => {
    const mod = t.rt.modules.find((m) => m.name === 'assessment') as AssessmentModule;
    const svc = mod.services.assessments;
    const actor = async (username: string): Promise<Actor> => {
      const u = (await t.rt.store.read.users.findByUsername(username))!;
      return { kind: 'user', userId: u.id, username, roles: u.roles, siteIds: u.siteIds };
    };
    const fg = await actor('fg');
    const typeId = (await t.rt.store.read.conversationTypes.findByCode('bijstandsgesprek'))!.id;
    const s = JSON.parse(
      fs.readFileSync(path.join(packageRoot(), 'examples', 'incident-triggered-recording.json'), 'utf8'),
    ) as Record<string, Record<string, unknown>>;
    delete s.humanJudgements;
    delete s.safeguards!.dpoAdviceDate;
    delete s.dpia!.dataSubjectViews;
    delete s.evidence!.incidents;
    const scenario = {
      ...s,
      assessedOn: day(0),
      measure: { ...s.measure, startDate: day(0) }, // recording never starts before the start date
      scope: { ...s.scope, rooms: [{ id: roomId }], conversationTypes: [{ id: typeId, sensitive: true }] },
      safeguards: { ...s.safeguards, reviewDate: day(365) },
      dpia: { ...s.dpia, date: day(0) },
    };
    const created = await svc.create(fg, { scenario });
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.assessment.id;
    expect((await svc.recordDpoAdvice(fg, id, { advice: 'Akkoord.', recommendation: 'approve' })).ok).toBe(
      true,
    );
    expect((await svc.recordViews(fg, id, { sought: true, summary: 'Cliëntenraad gehoord.' })).ok).toBe(true);
    const e = await svc.evaluateStored(id);
    for (const ruleId of e.ok ? e.value.pendingReviews : [])
      expect((await svc.recordJudgement(fg, id, { ruleId, outcome: 'pass', reasons: 'Gewogen.' })).ok).toBe(
        true,
      );
    expect((await svc.submit(fg, id)).ok).toBe(true);
    const d = await svc.decide(await actor('secretaris'), id, { outcome: 'approved', reasons: 'Akkoord.' });
    expect(d.ok, d.ok ? '' : d.error.message).toBe(true);

    const text = await runCli(['policy', 'show', '--room', 'Spreekkamer 2', ...conn()]);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(
      /bijstandsgesprek\s+incident-triggered \(pre-roll 30 s, post-roll 120 s\)\s+incident-triggered \(pre-roll 30 s, post-roll 120 s\)\s+false\s+72 h/,
    );
    const json = await runCli(['policy', 'show', '--room', roomId, '--json', ...conn()]);
    expect(json.code, json.err).toBe(0);
    const parsed = JSON.parse(json.out) as {
      roomId: string;
      decisions: Array<{ code: string; decision: { mode: { kind: string } } }>;
    };
    expect(parsed.roomId).toBe(roomId);
    expect(parsed.decisions.find((x) => x.code === 'bijstandsgesprek')!.decision.mode.kind).toBe(
      'incident-triggered',
    );
  });

  it('fails clearly for an unknown room, a missing --room and a missing token', async () => {
    const unknown = await runCli(['policy', 'show', '--room', 'Bezemkast', ...conn()]);
    expect(unknown.code).toBe(66);
    expect(unknown.err).toContain('ALARM.UNKNOWN_ROOM');
    expect((await runCli(['policy', 'show', ...conn()])).code).toBe(64);
    const saved = process.env.PROPORTIO_TOKEN;
    delete process.env.PROPORTIO_TOKEN;
    const noToken = await runCli(['policy', 'show', '--room', 'Spreekkamer 2', '--url', t.url!]);
    if (saved !== undefined) process.env.PROPORTIO_TOKEN = saved;
    expect(noToken.code).toBe(77);
  });
});
