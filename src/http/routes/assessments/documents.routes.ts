/**
 * Documents that follow from assessments and policy: the DPIA report (Markdown, HTML, tagged PDF),
 * the register-of-processing entry (Art. 30) for an approved measure, and per room the
 * transparency texts (Art. 13): the first-layer sign, the second-layer page and the
 * invitation-letter paragraph. Rendering is injected (adapters/reports), so this file only maps
 * requests to documents.
 */
import type { RoutesPlugin } from '../../route-types.js';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type * as Reports from '../../../adapters/reports/index.js';
import type { Lang } from '../../../core/assessment/text.js';
import type { Organisation } from '../../../core/registry/model.js';
import type { AssessmentService } from '../../../services/assessment.service.js';
import type { PolicyService } from '../../../services/policy.service.js';
import type { RegistryService } from '../../../services/registry.service.js';
import { problemOf, sendProblem } from '../../problem.js';
import { notFound, valueOrProblem } from '../../reply.js';
import { IdParams, errorResponses, strict } from '../../schemas.js';
import { LangSchema, ReportQuery } from './assessment-schemas.js';
import type { RateLimiter } from '../../plugins/rate-limit.js';

export interface DocumentRenderers {
  readonly reportWorkflow: typeof Reports.reportWorkflow;
  readonly renderMarkdownReport: typeof Reports.renderMarkdownReport;
  readonly renderHtmlReport: typeof Reports.renderHtmlReport;
  readonly renderPdfReport: typeof Reports.renderPdfReport;
  readonly buildRopaEntry: typeof Reports.buildRopaEntry;
  readonly renderRopaPdf: typeof Reports.renderRopaPdf;
  readonly buildTransparencyTexts: typeof Reports.buildTransparencyTexts;
  readonly renderSignPdf: typeof Reports.renderSignPdf;
  readonly renderSitePrivacyHtml: typeof Reports.renderSitePrivacyHtml;
  readonly renderSitePrivacyNotFound: typeof Reports.renderSitePrivacyNotFound;
}

/** An active suspension as the public page may tell it: scope and start, never reason or author. */
export interface PublicSuspension {
  readonly scope: 'site' | 'organisation';
  readonly siteId: string | null;
  readonly suspendedAt: string;
}

export interface DocumentRouteOptions {
  readonly assessments: AssessmentService;
  readonly policy: PolicyService;
  readonly registry: RegistryService;
  readonly render: DocumentRenderers;
  /** Base URL residents reach (for the second-layer link on signs and letters). */
  readonly publicUrl: string;
  /** The evidence export key's fingerprint, published on the second-layer page (issue 10 §4). */
  readonly exportKey?: () => { readonly fingerprint: string; readonly pem: string };
  /** Recording suspensions in force now (the site page shows one at once). */
  readonly activeSuspensions: () => Promise<readonly PublicSuspension[]>;
  /** Per client address, for the public pages (they read the database on every request). */
  readonly publicLimiter: RateLimiter;
  readonly now: () => Date;
  readonly timeZone: string;
}

const LangQuery = Type.Object({ lang: LangSchema }, strict);

type ReportRequest = {
  params: { id: string };
  query: { version?: number | undefined; lang?: Lang | undefined };
};

const toReportsOrganisation = (o: Organisation | undefined): Reports.Organisation => ({
  name: o?.name ?? '(organisatie nog niet ingesteld)',
  address: o?.address ?? '',
  dpo: {
    ...(o?.dpoName ? { name: o.dpoName } : {}),
    email: o?.dpoEmail ?? '',
    ...(o?.dpoPhone ? { phone: o.dpoPhone } : {}),
  },
});

const html = (reply: FastifyReply, body: string) => reply.type('text/html; charset=utf-8').send(body);
/** The public pages follow the live policy: a suspension or a withdrawn assessment shows at once. */
const fresh = (reply: FastifyReply) => reply.header('cache-control', 'no-store');
/** Any string up to this length reaches the handler, so a mistyped address gets the page, not a 400. */
const PublicIdParams = Type.Object({ id: Type.String({ maxLength: 100 }) }, strict);
const pdf = (reply: FastifyReply, body: Buffer, file: string) =>
  reply.type('application/pdf').header('content-disposition', `attachment; filename="${file}"`).send(body);

export const documentRoutes: RoutesPlugin<DocumentRouteOptions> = async (app, opts) => {
  const { assessments, render } = opts;
  const tags = ['assessments'];

  /** A stored version's report inputs with its workflow as the reports print it; undefined once a problem went out. */
  const inputs = async (req: ReportRequest, reply: FastifyReply) => {
    const d = await valueOrProblem(reply, await assessments.documentInputs(req.params.id, req.query.version));
    return d && { ...d, workflow: render.reportWorkflow(d.version), lang: req.query.lang ?? 'nl' };
  };
  const report = { access: 'assessments:read', sites: 'organisation' } as const;

  app.get(
    '/api/assessments/:id/report.md',
    {
      config: report,
      schema: {
        tags,
        summary: 'The DPIA report in Markdown (nl or en)',
        params: IdParams,
        querystring: ReportQuery,
        response: { 200: Type.String(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const d = await inputs(req, reply);
      if (!d) return reply;
      return reply
        .type('text/markdown; charset=utf-8')
        .send(render.renderMarkdownReport(d.model, d.lang, { workflow: d.workflow }));
    },
  );

  app.get(
    '/api/assessments/:id/report.html',
    {
      config: report,
      schema: {
        tags,
        summary: 'The DPIA report as an accessible HTML document (Model DPIA Rijksdienst paragraphs)',
        params: IdParams,
        querystring: ReportQuery,
        response: { 200: Type.String(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const d = await inputs(req, reply);
      if (!d) return reply;
      return html(
        reply,
        render.renderHtmlReport(d.model, d.lang, { scenario: d.scenario, workflow: d.workflow }),
      );
    },
  );

  app.get(
    '/api/assessments/:id/report.pdf',
    {
      config: report,
      schema: {
        tags,
        summary: 'The DPIA report as a tagged PDF',
        params: IdParams,
        querystring: ReportQuery,
        response: { ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const d = await inputs(req, reply);
      if (!d) return reply;
      const body = await render.renderPdfReport(d.model, d.lang, {
        scenario: d.scenario,
        workflow: d.workflow,
      });
      return pdf(reply, body, `dpia-${req.params.id}-v${d.version.version}-${d.lang}.pdf`);
    },
  );

  /** The register entry of an approved version; undefined once a problem went out. */
  const ropa = async (req: ReportRequest, reply: FastifyReply) => {
    const d = await inputs(req, reply);
    if (!d) return undefined;
    const decision = d.workflow.decision;
    if (d.workflow.status !== 'approved' || decision?.outcome !== 'approved') {
      await sendProblem(
        reply,
        problemOf('ASSESSMENT.NOT_APPROVED', 'only an approved measure has a register entry'),
      );
      return undefined;
    }
    const r = render.buildRopaEntry({
      organisation: toReportsOrganisation(await opts.registry.getOrganisation()),
      model: d.model,
      scenario: d.scenario,
      approval: {
        assessmentId: req.params.id,
        version: d.version.version,
        approvedBy: decision.by,
        approvedOn: decision.date,
        ...(decision.validUntil ? { reviewDate: decision.validUntil } : {}),
      },
    });
    return valueOrProblem(reply, r);
  };

  app.get(
    '/api/assessments/:id/ropa.json',
    {
      config: report,
      schema: {
        tags,
        summary: 'The register-of-processing entry (GDPR Art. 30) of an approved measure',
        params: IdParams,
        querystring: ReportQuery,
        response: { 200: Type.Unknown(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const entry = await ropa(req, reply);
      return entry === undefined ? reply : reply.send(entry);
    },
  );

  app.get(
    '/api/assessments/:id/ropa.pdf',
    {
      config: report,
      schema: {
        tags,
        summary: 'The register-of-processing entry as PDF',
        params: IdParams,
        querystring: ReportQuery,
        response: { ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const entry = await ropa(req, reply);
      if (entry === undefined) return reply;
      return pdf(
        reply,
        await render.renderRopaPdf(entry, req.query.lang ?? 'nl'),
        `verwerkingsregister-${req.params.id}.pdf`,
      );
    },
  );

  const base = opts.publicUrl.replace(/\/$/, '');
  const roomPrivacyUrl = (roomId: string) => `${base}/api/public/rooms/${encodeURIComponent(roomId)}/privacy`;
  const sitePrivacyUrl = (siteId: string) => `${base}/api/public/sites/${encodeURIComponent(siteId)}/privacy`;

  /** Too many requests from one address: a short page, in the language asked for. */
  const limited = async (req: { ip: string }, reply: FastifyReply, lang: Lang): Promise<boolean> => {
    if (await opts.publicLimiter.hit(req.ip, opts.now().getTime())) return false;
    void html(
      fresh(reply).code(429).header('retry-after', '60'),
      lang === 'nl'
        ? '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Even wachten</title></head><body><main><h1>Even wachten</h1><p>Er komen te veel verzoeken van uw adres. Probeer het over een minuut opnieuw.</p></main></body></html>'
        : '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Please wait</title></head><body><main><h1>Please wait</h1><p>Too many requests from your address. Try again in a minute.</p></main></body></html>',
    );
    return true;
  };

  // Transparency per room, from the effective policy.
  const transparencyInput = async (roomId: string): Promise<Reports.TransparencyInput | undefined> => {
    const view = await opts.policy.roomPolicy(roomId);
    if (!view.ok) return undefined;
    const types = await opts.registry.listConversationTypes();
    const room = await opts.registry.getRoom(roomId);
    const site = room && (await opts.registry.getSite(room.siteId));
    return {
      organisation: toReportsOrganisation(await opts.registry.getOrganisation()),
      room: { id: roomId, name: view.value.roomName },
      ...(site ? { site: { name: site.name, url: sitePrivacyUrl(site.id) } } : {}),
      policy: view.value.policy,
      conversationTypeNames: Object.fromEntries(types.map((t) => [t.id, t.nameNl])),
      secondLayerUrl: roomPrivacyUrl(roomId),
      ...(opts.exportKey
        ? {
            exportKey: {
              ...opts.exportKey(),
              url: `${base}/api/public/evidence-key`,
            },
          }
        : {}),
    };
  };

  app.get(
    '/api/rooms/:id/sign.pdf',
    {
      config: { access: 'policy:read', sites: 'organisation' },
      schema: {
        tags: ['policy'],
        summary: 'The first-layer sign for the room entrance (A4 PDF), from its effective policy',
        params: IdParams,
        response: { ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      const input = await transparencyInput(req.params.id);
      if (!input) return notFound(reply, 'room', req.params.id);
      return pdf(
        reply,
        await render.renderSignPdf(input),
        `bord-${input.room.name.replace(/[^\p{L}\p{N}]+/gu, '-')}.pdf`,
      );
    },
  );

  app.get(
    '/api/rooms/:id/transparency',
    {
      config: { access: 'policy:read', sites: 'organisation' },
      schema: {
        tags: ['policy'],
        summary: 'Transparency texts for a room: second-layer page and the invitation-letter paragraph',
        params: IdParams,
        response: {
          200: Type.Object({
            recording: Type.Boolean(),
            secondLayerUrl: Type.String(),
            secondLayerMarkdown: Type.String(),
            letterParagraph: Type.Object({ nl: Type.String(), en: Type.String() }),
          }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (req, reply) => {
      const input = await transparencyInput(req.params.id);
      if (!input) return notFound(reply, 'room', req.params.id);
      const t = render.buildTransparencyTexts(input);
      return {
        recording: t.recording,
        secondLayerUrl: input.secondLayerUrl,
        secondLayerMarkdown: t.secondLayerMarkdown,
        letterParagraph: t.letterParagraph,
      };
    },
  );

  app.get(
    '/api/public/rooms/:id/privacy',
    {
      config: { access: 'public', sites: 'organisation' },
      schema: {
        tags: ['policy'],
        summary: 'The second-layer privacy page residents reach from the sign (public HTML)',
        params: IdParams,
        querystring: LangQuery,
        response: { ...errorResponses(404) },
      },
    },
    async (req, reply) => {
      if (await limited(req, reply, req.query.lang ?? 'nl')) return reply;
      const input = await transparencyInput(req.params.id);
      if (!input) return notFound(reply, 'room', req.params.id);
      return html(fresh(reply), render.buildTransparencyTexts(input).secondLayerHtml);
    },
  );

  app.get(
    '/api/public/sites/:id/privacy',
    {
      config: { access: 'public', sites: 'organisation' },
      schema: {
        tags: ['policy'],
        summary:
          'The public privacy page of a site: every room and what its camera does now, rights, the DPO, the export key (HTML, nl or en)',
        params: PublicIdParams,
        querystring: LangQuery,
        response: { ...errorResponses(400) },
      },
    },
    async (req, reply) => {
      const lang = req.query.lang ?? 'nl';
      if (await limited(req, reply, lang)) return reply;
      const url = sitePrivacyUrl(req.params.id);
      const site = await opts.registry.getSite(req.params.id);
      if (site === undefined)
        return html(fresh(reply).code(404), render.renderSitePrivacyNotFound(lang, url));
      const [rooms, types, compiled, suspensions, organisation] = await Promise.all([
        opts.registry.listRooms({ siteId: site.id }),
        opts.registry.listConversationTypes(),
        opts.policy.publicBases(),
        opts.activeSuspensions(),
        opts.registry.getOrganisation(),
      ]);
      const suspension =
        suspensions.find((s) => s.scope === 'organisation') ??
        suspensions.find((s) => s.scope === 'site' && s.siteId === site.id);
      const page = render.renderSitePrivacyHtml(
        {
          organisation: toReportsOrganisation(organisation),
          site: { name: site.name, address: site.address },
          url,
          rooms: rooms.map((r) => ({
            name: r.name,
            url: roomPrivacyUrl(r.id),
            policy: compiled.compiled.rooms.find((p) => p.roomId === r.id),
            bases: compiled.bases(r.id),
          })),
          conversationTypeNames: Object.fromEntries(types.map((t) => [t.id, { nl: t.nameNl, en: t.nameEn }])),
          ...(suspension ? { suspendedSince: suspension.suspendedAt } : {}),
          ...(opts.exportKey
            ? { exportKey: { ...opts.exportKey(), url: `${base}/api/public/evidence-key` } }
            : {}),
          timeZone: opts.timeZone,
        },
        lang,
      );
      return html(fresh(reply), page);
    },
  );
};
