/** Assessments, their versions and the policy history. JSON columns are parsed here and nowhere else. */
import { sql } from 'kysely';
import type { Contribution } from '../../../core/assessment/four-eyes.js';
import type { Incident, Scenario } from '../../../core/assessment/scenario.schema.js';
import type { Verdict } from '../../../core/assessment/verdict.js';
import type { CompiledPolicy } from '../../../core/policy/policy.js';
import type {
  AssessmentDecision,
  AssessmentHead,
  AssessmentRepository,
  AssessmentVersion,
  DataSubjectViews,
  DpoAdvice,
  PolicyTrigger,
  PolicyVersion,
  PolicyVersionRepository,
  RecordedJudgement,
  VersionStatus,
} from '../../../services/assessment-ports.js';
import type { AssessmentVersionRow, PolicyVersionRow } from '../schema-assessment.js';
import type { Executor } from './executor.js';

const parse = <T>(json: string | null): T | undefined =>
  json === null ? undefined : (JSON.parse(json) as T);
const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

const toVersion = (r: AssessmentVersionRow): AssessmentVersion => ({
  assessmentId: r.assessment_id,
  version: Number(r.version),
  scenario: JSON.parse(r.scenario) as Scenario,
  status: r.status as VersionStatus,
  dpoAdvice: parse<DpoAdvice>(r.dpo_advice),
  dataSubjectViews: parse<DataSubjectViews>(r.data_subject_views),
  humanJudgements: JSON.parse(r.human_judgements) as RecordedJudgement[],
  decision: parse<AssessmentDecision>(r.decision),
  validFrom: r.valid_from ?? undefined,
  validUntil: r.valid_until ?? undefined,
  withdrawal:
    r.withdrawn_at === null
      ? undefined
      : { at: r.withdrawn_at, by: r.withdrawn_by ?? '', reason: r.withdrawn_reason ?? '' },
  evidence: parse<Incident[]>(r.evidence),
  verdict: (r.verdict ?? undefined) as Verdict | undefined,
  submittedAt: r.submitted_at ?? undefined,
  contributions: JSON.parse(r.contributions) as Contribution[],
  createdBy: r.created_by,
  createdAt: r.created_at,
});

const toRow = (v: AssessmentVersion): AssessmentVersionRow => ({
  assessment_id: v.assessmentId,
  version: v.version,
  scenario: JSON.stringify(v.scenario),
  status: v.status,
  dpo_advice: json(v.dpoAdvice),
  data_subject_views: json(v.dataSubjectViews),
  human_judgements: JSON.stringify(v.humanJudgements),
  decision: json(v.decision),
  valid_from: v.validFrom ?? null,
  valid_until: v.validUntil ?? null,
  withdrawn_at: v.withdrawal?.at ?? null,
  withdrawn_by: v.withdrawal?.by ?? null,
  withdrawn_reason: v.withdrawal?.reason ?? null,
  evidence: json(v.evidence),
  verdict: v.verdict ?? null,
  submitted_at: v.submittedAt ?? null,
  contributions: JSON.stringify(v.contributions),
  created_by: v.createdBy,
  created_at: v.createdAt,
});

export const assessmentRepository = (db: Executor): AssessmentRepository => ({
  insert: async (a) => {
    await db
      .insertInto('assessments')
      .values({
        id: a.id,
        title: a.title,
        measure: a.measure,
        created_by: a.createdBy,
        created_at: a.createdAt,
      })
      .execute();
  },
  get: async (id) => {
    const r = await db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined
      ? undefined
      : { id: r.id, title: r.title, measure: r.measure, createdBy: r.created_by, createdAt: r.created_at };
  },
  list: async () =>
    (
      await db.selectFrom('assessments').selectAll().orderBy('created_at', 'desc').orderBy('id').execute()
    ).map((r): AssessmentHead => ({
      id: r.id,
      title: r.title,
      measure: r.measure,
      createdBy: r.created_by,
      createdAt: r.created_at,
    })),
  insertVersion: async (v) => {
    await db.insertInto('assessment_versions').values(toRow(v)).execute();
  },
  updateVersion: async (v) => {
    const { assessment_id: _a, version: _v, ...rest } = toRow(v);
    await db
      .updateTable('assessment_versions')
      .set(rest)
      .where('assessment_id', '=', v.assessmentId)
      .where('version', '=', v.version)
      .execute();
  },
  versions: async (assessmentId) =>
    (
      await db
        .selectFrom('assessment_versions')
        .selectAll()
        .where('assessment_id', '=', assessmentId)
        .orderBy('version')
        .execute()
    ).map(toVersion),
  everApproved: async () =>
    (
      await db
        .selectFrom('assessment_versions')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb('status', '=', 'approved'),
            eb.and([eb('status', '=', 'withdrawn'), eb('decision', 'is not', null)]),
          ]),
        )
        .orderBy('assessment_id')
        .orderBy('version')
        .execute()
    )
      .map(toVersion)
      .filter((v) => v.decision?.outcome === 'approved'),
  count: async () => {
    const a = await db
      .selectFrom('assessments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const v = await db
      .selectFrom('assessment_versions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { assessments: Number(a.n), versions: Number(v.n) };
  },
});

const toPolicy = (r: PolicyVersionRow): PolicyVersion => ({
  seq: Number(r.seq),
  compiledAt: r.compiled_at,
  trigger: r.trigger as PolicyTrigger,
  cause: r.cause ?? undefined,
  compiled: JSON.parse(r.compiled) as CompiledPolicy,
  hash: r.hash,
});

// Transaction-scoped advisory lock so two PostgreSQL transactions never take the same seq.
const POLICY_HEAD_LOCK = 0x706f6c69;

export const policyVersionRepository = (
  db: Executor,
  dialect: 'sqlite' | 'postgres',
): PolicyVersionRepository => ({
  lockHead: async () => {
    if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${POLICY_HEAD_LOCK})`.execute(db);
  },
  latest: async () => {
    const r = await db
      .selectFrom('policy_versions')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r === undefined ? undefined : toPolicy(r);
  },
  append: async (v) => {
    if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(${POLICY_HEAD_LOCK})`.execute(db);
    const head = await db
      .selectFrom('policy_versions')
      .select('seq')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const seq = head === undefined ? 1 : Number(head.seq) + 1;
    await db
      .insertInto('policy_versions')
      .values({
        seq,
        compiled_at: v.compiledAt,
        trigger: v.trigger,
        cause: v.cause ?? null,
        compiled: JSON.stringify(v.compiled),
        hash: v.hash,
      })
      .execute();
    return { ...v, seq };
  },
  list: async (limit) =>
    (await db.selectFrom('policy_versions').selectAll().orderBy('seq', 'desc').limit(limit).execute()).map(
      toPolicy,
    ),
});
