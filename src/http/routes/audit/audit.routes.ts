import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { RoutesPlugin } from '../../route-types.js';
import { auditActionsOf, type AuditGroup } from '../../../core/audit/sentences.js';
import type { AuditService, NamedAuditEntry } from '../../../services/audit.service.js';
import type { AuditFilter } from '../../../services/ports.js';
import { periodOf } from '../../period.js';
import { problemOf, sendProblem } from '../../problem.js';
import { errorResponses } from '../../schemas.js';
import {
  AuditExportQuery,
  AuditPageSchema,
  AuditPeopleSchema,
  AuditQuery,
  AuditVerificationSchema,
} from './audit-schemas.js';

interface FilterQuery {
  subject?: string;
  action?: string;
  group?: AuditGroup;
  actor?: string;
  from?: string;
  to?: string;
}

/** The filter of a query, or undefined after answering 400 (a period that is no period). */
const filterOf = (q: FilterQuery, reply: FastifyReply): AuditFilter | undefined => {
  const period = periodOf(q.from, q.to);
  if ('field' in period) {
    void sendProblem(
      reply,
      problemOf('REQUEST.INVALID', `${period.field} ${period.message}`, {
        errors: [{ field: period.field, message: period.message }],
      }),
    );
    return undefined;
  }
  return {
    ...(q.subject ? { subject: q.subject } : {}),
    ...(q.action ? { action: q.action } : {}),
    ...(q.group ? { actions: auditActionsOf(q.group) } : {}),
    ...(q.actor ? { actor: q.actor } : {}),
    ...period,
  };
};

const CSV_HEADER = {
  nl: [
    'Volgnummer',
    'Tijdstip (Europe/Amsterdam)',
    'Wie',
    'Wat',
    'Betreft',
    'Gebeurtenis',
    'Code',
    'Details',
  ],
  en: ['Sequence', 'Time (Europe/Amsterdam)', 'Who', 'What', 'Concerning', 'Event', 'Code', 'Details'],
};
/** A CSV field: quoted, quotes doubled; a leading =, +, - or @ neutralised (no formula injection in Excel). */
const cell = (v: string): string => `"${(/^[=+\-@]/.test(v) ? `'${v}` : v).replaceAll('"', '""')}"`;
const localTime = (iso: string, lang: 'nl' | 'en'): string =>
  new Date(iso).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: 'Europe/Amsterdam',
    dateStyle: 'short',
    timeStyle: 'medium',
  });
/** A name ({nl, en}) in the export's language; other values as they are. */
const inLanguage = (v: unknown, lang: 'nl' | 'en'): unknown =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'nl' in v && 'en' in v
    ? (v as Record<'nl' | 'en', unknown>)[lang]
    : v;
const csvLine = (e: NamedAuditEntry, lang: 'nl' | 'en'): string =>
  [
    String(e.seq),
    localTime(e.at, lang),
    e.actorName ?? (lang === 'nl' ? 'verwijderde gebruiker' : 'deleted user'),
    e.sentence[lang],
    e.subjectName[lang],
    e.group ?? '',
    e.action,
    e.damage ? e.damage.raw : JSON.stringify(e.facts, (_k, v: unknown) => inLanguage(v, lang)),
  ]
    .map(cell)
    .join(';') + '\r\n';

export const auditRoutes: RoutesPlugin<{ audit: AuditService }> = async (app, opts) => {
  app.get(
    '/api/audit',
    {
      // The chain is one, verified whole: the audit log is organisation-wide.
      config: { access: 'audit:read', sites: 'organisation' },
      schema: {
        tags: ['audit'],
        summary:
          'Audit log, newest first, paged by sequence number; each entry with names and a sentence in Dutch and English; filtered by who, what (a group), when and subject',
        querystring: AuditQuery,
        response: { 200: AuditPageSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const filter = filterOf(q, reply);
      if (filter === undefined) return reply;
      const limit = q.limit ?? 50;
      const entries = await opts.audit.page({
        limit,
        ...(q.before ? { beforeSeq: q.before } : {}),
        ...filter,
      });
      const last = entries.at(-1);
      return {
        entries,
        total: await opts.audit.countWhere(filter),
        nextBefore: entries.length === limit && last && last.seq > 1 ? last.seq : null,
      };
    },
  );

  app.get(
    '/api/audit/people',
    {
      config: { access: 'audit:read', sites: 'organisation' },
      schema: {
        tags: ['audit'],
        summary: 'Everyone who can appear in the audit log as actor, by name (the "who" filter)',
        response: { 200: AuditPeopleSchema, ...errorResponses(401, 403) },
      },
    },
    async () => opts.audit.people(),
  );

  app.get(
    '/api/audit/export.csv',
    {
      config: { access: 'audit:read', sites: 'organisation' },
      schema: {
        tags: ['audit'],
        summary:
          'The audit log as CSV for the auditor (UTF-8 with BOM, semicolons, a header row), in Dutch or English, with the same filters as the page; streamed newest first',
        querystring: AuditExportQuery,
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const q = req.query;
      const filter = filterOf(q, reply);
      if (filter === undefined) return reply;
      const lang = q.lang ?? 'nl';
      const audit = opts.audit;
      async function* rows(): AsyncGenerator<string> {
        yield `\uFEFF${CSV_HEADER[lang].map(cell).join(';')}\r\n`;
        let before: number | undefined;
        for (;;) {
          const page = await audit.page({ limit: 500, ...(before ? { beforeSeq: before } : {}), ...filter });
          for (const e of page) yield csvLine(e, lang);
          const last = page.at(-1);
          if (page.length < 500 || last === undefined) return;
          before = last.seq;
        }
      }
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="auditlog-${day}.csv"`)
        .send(Readable.from(rows()));
    },
  );

  app.get(
    '/api/audit/verify',
    {
      config: { access: 'audit:read', sites: 'organisation' },
      schema: {
        tags: ['audit'],
        summary:
          'Verify the whole hash chain and hold it against the anchor file; names the first altered, removed, reordered or damaged entry, or the anchored head that was cut off or rewritten',
        response: { 200: AuditVerificationSchema, ...errorResponses(401, 403) },
      },
    },
    async () => opts.audit.verify(),
  );
};
