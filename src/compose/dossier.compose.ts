/**
 * The regulator dossier (issue 12 §4, docs/dossier.md): its sources (the database's stored facts,
 * the Art. 30 register entries of the approved measures, the audit chain verified against its
 * anchor), the complaints register (what came in, when it was due and answered, the outcome:
 * never who or about what), the PDF/ZIP renderer and the route.
 */
import { createAssessmentStore } from '../adapters/db/repositories/assessment-store.js';
import { storedDossierFacts } from '../adapters/db/repositories/dossier.repository.js';
import { dossierRenderer } from '../adapters/reports/dossier-document.js';
import { buildRopaEntry, type Organisation as RopaOrganisation } from '../adapters/reports/ropa.js';
import { dayInAmsterdam } from '../core/rights/deadlines.js';
import type { DossierPeriod } from '../core/dossier/dossier.js';
import type { DossierRegisterEntry } from '../core/dossier/dossier.schema.js';
import { dossierRoutes } from '../http/routes/dossier/dossier.routes.js';
import type { AssessmentService } from '../services/assessment.service.js';
import type { AuditService } from '../services/audit.service.js';
import { COMPLAINTS_SYSTEM, type ComplaintsService } from '../services/complaints.service.js';
import type { ComplaintsSource, DossierSources } from '../services/dossier-ports.js';
import { dossierService, type DossierService } from '../services/dossier.service.js';
import type { ModuleContext, ProportioModule } from './module.js';

/** The complaints register as the dossier reads it: every site, timeliness only (no sender, no subject). */
export const complaintsForDossier = (
  complaints: Pick<ComplaintsService, 'complaintsInPeriod'>,
): ComplaintsSource => ({
  inPeriod: async (p) => {
    const r = await complaints.complaintsInPeriod(COMPLAINTS_SYSTEM, p.from, p.to);
    if (!r.ok) throw new Error(`complaints for the dossier: ${r.error.message}`);
    return r.value.map((c) => ({
      receivedOn: c.receivedOn,
      kind: c.kind,
      from: c.source,
      dueOn: c.dueOn,
      answeredOn: c.answeredOn,
      onTime: c.onTime,
      outcome: c.outcome,
    }));
  },
});

export interface DossierModule extends ProportioModule {
  readonly service: DossierService;
}

const dayOf = (iso: string) => dayInAmsterdam(new Date(iso));

export const createDossierModule = (
  ctx: ModuleContext,
  deps: {
    readonly assessments: Pick<AssessmentService, 'documentInputs'>;
    readonly audit: Pick<AuditService, 'verify'>;
    readonly complaints?: ComplaintsSource;
  },
): DossierModule => {
  const versions = createAssessmentStore(ctx.database).read.assessments;

  /** Per assessment, the latest version approved on or before the period's end and not withdrawn by then. */
  const register = async (p: DossierPeriod): Promise<DossierRegisterEntry[]> => {
    const org = await ctx.store.read.organisation.get();
    const organisation: RopaOrganisation = {
      name: org?.name ?? '',
      address: org?.address ?? '',
      dpo: {
        email: org?.dpoEmail ?? '',
        ...(org?.dpoName ? { name: org.dpoName } : {}),
        ...(org?.dpoPhone ? { phone: org.dpoPhone } : {}),
      },
    };
    const out: DossierRegisterEntry[] = [];
    for (const head of await versions.list()) {
      const v = (await versions.versions(head.id))
        .filter(
          (x) =>
            x.decision?.outcome === 'approved' &&
            dayOf(x.decision.at) <= p.to &&
            (x.withdrawal === undefined || dayOf(x.withdrawal.at) > p.to),
        )
        .at(-1);
      if (v?.decision === undefined) continue;
      const inputs = await deps.assessments.documentInputs(head.id, v.version);
      if (!inputs.ok) continue;
      const e = buildRopaEntry({
        organisation,
        model: inputs.value.model,
        scenario: inputs.value.scenario,
        approval: {
          assessmentId: head.id,
          version: v.version,
          approvedBy: v.decision.name,
          approvedOn: dayOf(v.decision.at),
          ...(v.validUntil ? { reviewDate: v.validUntil } : {}),
        },
      });
      // A verdict of "not permitted" has no entry (ropa.ts): nothing was lawfully processed.
      if (!e.ok) continue;
      const r = e.value;
      out.push({
        name: r.name,
        purposes: [...r.purposes],
        legalBasis: `art. ${r.legalBasis.article}${r.legalBasis.provision === undefined ? '' : ` — ${r.legalBasis.provision}`}`,
        dataSubjectCategories: [...r.dataSubjectCategories],
        personalDataCategories: [...r.personalDataCategories],
        recipients: [...r.recipients],
        transfers: r.transfers.note,
        retention: r.retention.text,
        securityMeasures: [...r.securityMeasures],
        assessmentId: head.id,
        version: v.version,
        approvedOn: r.assessment.approvedOn,
        reviewDate: r.assessment.reviewDate ?? null,
      });
    }
    return out;
  };

  const sources: DossierSources = {
    stored: storedDossierFacts(ctx.database),
    register,
    audit: async () => {
      const verifiedAt = ctx.clock.now().toISOString();
      const v = await deps.audit.verify();
      const a = v.anchor;
      return {
        verifiedAt,
        ok: v.ok,
        entriesChecked: v.checked,
        headHash: v.ok ? v.headHash : null,
        problem: v.ok ? null : v.problem,
        anchor:
          a === undefined
            ? null
            : {
                present: a.present,
                anchors: a.anchors,
                lastGood:
                  a.lastGood === null
                    ? null
                    : { seq: a.lastGood.seq, hash: a.lastGood.hash, at: a.lastGood.at },
                problem: a.problem === undefined ? null : `${a.problem.kind}: ${a.problem.detail}`,
              },
      };
    },
  };

  const service = dossierService({
    store: ctx.store,
    clock: ctx.clock,
    sources,
    renderer: dossierRenderer,
    ...(deps.complaints === undefined ? {} : { complaints: deps.complaints }),
  });
  return {
    name: 'dossier',
    service,
    routes: async (app) => {
      await app.register(dossierRoutes, { export: service.export });
    },
    start: () => Promise.resolve(),
    stop: () => Promise.resolve(),
    health: () => [],
  };
};
