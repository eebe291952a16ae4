/**
 * The incident register (read): a page of incidents with their reports, filtered (site, room, kind,
 * severity, status, police report, period) and searched, the filter in the address; one
 * incident (/incidents/:id) with its report and its footage (clips, viewing requests, history).
 */
import {
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Paragraph,
  SecondaryActionButton,
  StatusBadge,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import {
  INCIDENT_KINDS,
  api,
  isNotFound,
  query,
  type Incident,
  type IncidentRegisterPage,
  type IncidentSummary,
} from '../api.js';
import { IncidentFootage } from '../footage/IncidentFootage.js';
import { NotFoundPage } from './NotFoundPage.js';
import { AppLink } from '../components/AppLink.js';
import { FormSection } from '../components/FormSection.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { PageTitle } from '../components/PageTitle.js';
import { ResourceTable } from '../components/ResourcePage.js';
import { SelectField } from '../components/SelectField.js';
import { TextField } from '../components/TextField.js';
import { NO_ERRORS, useLoad } from '../hooks.js';
import { formatDateTime, formatDuration, useI18n } from '../i18n/index.js';
import { useRegistry } from '../registry.js';
import { useRouter } from '../router.js';
import { useSession } from '../session.js';
import { TableScroll } from '../components/TableScroll.js';

/** The register's filter, kept in the address (?site=…&page=2) so Back works and a link can be shared. */
export interface RegisterFilter {
  readonly site: string;
  readonly room: string;
  readonly kind: string;
  readonly severity: string;
  /** '' | 'reported' | 'unreported' */
  readonly status: string;
  /** '' | 'true' | 'false' */
  readonly police: string;
  readonly from: string;
  readonly to: string;
  readonly q: string;
  /** 1-based. */
  readonly page: number;
}

const FILTER_KEYS = ['site', 'room', 'kind', 'severity', 'status', 'police', 'from', 'to', 'q'] as const;
export const PAGE_SIZE = 25;

/** The filter in an address's query string; anything unknown or malformed is left out. */
export const filterOfSearch = (search: string): RegisterFilter => {
  const p = new URLSearchParams(search);
  const v = (k: string) => p.get(k)?.trim() ?? '';
  const page = Number.parseInt(v('page'), 10);
  return {
    site: v('site'),
    room: v('room'),
    kind: (INCIDENT_KINDS as readonly string[]).includes(v('kind')) ? v('kind') : '',
    severity: /^[1-5]$/.test(v('severity')) ? v('severity') : '',
    status: v('status') === 'reported' || v('status') === 'unreported' ? v('status') : '',
    police: v('police') === 'true' || v('police') === 'false' ? v('police') : '',
    from: /^\d{4}-\d{2}-\d{2}$/.test(v('from')) ? v('from') : '',
    to: /^\d{4}-\d{2}-\d{2}$/.test(v('to')) ? v('to') : '',
    q: v('q').slice(0, 200),
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
};

/** The address of the register with this filter (empty values and page 1 left out). */
export const registerHref = (f: RegisterFilter): string => {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k]) p.set(k, f[k]);
  if (f.page > 1) p.set('page', String(f.page));
  const qs = p.toString();
  return qs ? `/incidents?${qs}` : '/incidents';
};

/** The API's query for the filter. */
export const registerQuery = (f: RegisterFilter): string =>
  query({
    siteId: f.site || undefined,
    roomId: f.room || undefined,
    kind: f.kind || undefined,
    severity: f.severity || undefined,
    status: f.status || undefined,
    policeReport: f.police || undefined,
    from: f.from || undefined,
    to: f.to || undefined,
    q: f.q || undefined,
    limit: PAGE_SIZE,
    offset: (f.page - 1) * PAGE_SIZE || undefined,
  });

export const IncidentsPage = ({ incidentId }: { readonly incidentId?: string | undefined }) =>
  incidentId === undefined ? <IncidentRegister /> : <IncidentDetail id={incidentId} />;

const IncidentRegister = () => {
  const { t, lang } = useI18n();
  const r = t.register;
  const { can } = useSession();
  const { search, navigate } = useRouter();
  const reg = useRegistry();
  const filter = filterOfSearch(search);
  const [draft, setDraft] = useState<RegisterFilter>(filter);
  const set = (k: (typeof FILTER_KEYS)[number]) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const incidents = useLoad(
    () => api.get<IncidentRegisterPage>(`/api/incidents/register${registerQuery(filter)}`),
    [search],
  );
  const list = incidents.data?.items ?? [];
  const total = incidents.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const none = t.incidents.none;
  const mayReport = can('incidents:report');
  const rooms = reg.registry.rooms.filter((x) => !draft.site || x.siteId === draft.site);
  const go = (f: RegisterFilter) => navigate(registerHref(f));
  const when = (i: IncidentSummary) => formatDateTime(lang, i.occurredAt);
  const first = (filter.page - 1) * PAGE_SIZE + 1;

  return (
    <>
      <PageTitle>{t.incidents.title}</PageTitle>
      <Paragraph>{t.incidents.intro}</Paragraph>
      {mayReport ? (
        <Paragraph>
          <AppLink href="/incidents/report">{t.nav.report}</AppLink>
        </Paragraph>
      ) : null}
      <FormSection
        title={t.incidents.filters}
        form={{ errors: NO_ERRORS, busy: incidents.loading, labels: {} }}
        onSubmit={() => go({ ...draft, page: 1 })}
        submitLabel={t.incidents.apply}
      >
        <div className="pp-filter-grid">
          <TextField
            markOptional={false}
            id="incidents-q"
            label={r.search}
            description={r.searchHint}
            value={draft.q}
            maxLength={200}
            onChange={set('q')}
          />
          <SelectField
            id="incidents-site"
            label={t.incidents.site}
            value={draft.site}
            onChange={(v) => setDraft((d) => ({ ...d, site: v, room: '' }))}
            options={[
              { value: '', label: t.incidents.allSites },
              ...reg.registry.sites.map((x) => ({ value: x.id, label: x.name })),
            ]}
          />
          <SelectField
            id="incidents-room"
            label={t.incidents.room}
            value={draft.room}
            onChange={set('room')}
            options={[
              { value: '', label: t.incidents.allRooms },
              ...rooms.map((x) => ({ value: x.id, label: reg.registry.roomLabel(x.id) })),
            ]}
          />
          <SelectField
            id="incidents-kind"
            label={t.incidents.kind}
            value={draft.kind}
            onChange={set('kind')}
            options={[
              { value: '', label: r.allKinds },
              ...INCIDENT_KINDS.map((k) => ({ value: k, label: t.incidents.kinds[k] ?? k })),
            ]}
          />
          <SelectField
            id="incidents-severity"
            label={t.incidents.severity}
            value={draft.severity}
            onChange={set('severity')}
            options={[
              { value: '', label: r.allSeverities },
              ...['1', '2', '3', '4', '5'].map((k) => ({ value: k, label: t.incidents.severities[k] ?? k })),
            ]}
          />
          <SelectField
            id="incidents-status"
            label={r.status}
            value={draft.status}
            onChange={set('status')}
            options={[
              { value: '', label: r.allStatuses },
              { value: 'unreported', label: r.statusUnreported },
              { value: 'reported', label: r.statusReported },
            ]}
          />
          <SelectField
            id="incidents-police"
            label={r.police}
            value={draft.police}
            onChange={set('police')}
            options={[
              { value: '', label: r.policeAny },
              { value: 'true', label: r.policeYes },
              { value: 'false', label: r.policeNo },
            ]}
          />
          <TextField
            markOptional={false}
            id="incidents-from"
            label={t.incidents.from}
            type="date"
            value={draft.from}
            onChange={set('from')}
          />
          <TextField
            markOptional={false}
            id="incidents-to"
            label={t.incidents.to}
            type="date"
            value={draft.to}
            onChange={set('to')}
          />
        </div>
      </FormSection>
      {search ? (
        <Paragraph>
          <AppLink href="/incidents">{r.reset}</AppLink>
        </Paragraph>
      ) : null}
      {incidents.loading && !incidents.data ? <Loading /> : null}
      {incidents.error ? <LoadError error={incidents.error} /> : null}
      <div aria-live="polite">
        {incidents.data ? <Paragraph>{total === 0 ? t.incidents.empty : r.found(total)}</Paragraph> : null}
      </div>
      {list.length > 0 ? (
        <TableScroll label={t.incidents.caption}>
          <ResourceTable
            stackOnPhone
            caption={`${t.incidents.caption} — ${r.range(first, first + list.length - 1, total)}`}
            rows={list}
            rowKey={(i) => i.id}
            rowHeader={{
              header: t.incidents.occurredAt,
              cell: (i) => (
                <AppLink
                  href={`/incidents/${encodeURIComponent(i.id)}`}
                  aria-label={t.incidents.openIncident(reg.registry.roomLabel(i.roomId), when(i))}
                >
                  {when(i)}
                </AppLink>
              ),
            }}
            columns={[
              { header: t.incidents.room, cell: (i) => reg.registry.roomLabel(i.roomId) },
              {
                header: t.incidents.conversationType,
                cell: (i) => (i.conversationTypeId ? reg.registry.typeName(i.conversationTypeId) : none),
              },
              { header: t.incidents.source, cell: (i) => t.incidents.sources[i.source] },
              {
                header: t.incidents.kind,
                cell: (i) => (i.kind ? (t.incidents.kinds[i.kind] ?? i.kind) : none),
              },
              {
                header: t.incidents.severity,
                cell: (i) => (i.severity === null ? none : String(i.severity)),
              },
              { header: t.incidents.injury, cell: (i) => (i.injury ? t.yes : t.no) },
              {
                header: t.incidents.policeReport,
                cell: (i) =>
                  i.policeReport ? `${t.yes}${i.policeReference ? ` (${i.policeReference})` : ''}` : t.no,
              },
              {
                header: t.incidents.responseTime,
                cell: (i) => (i.responseMs === null ? none : formatDuration(lang, i.responseMs)),
              },
              {
                header: t.incidents.status,
                cell: (i) =>
                  i.reportedAt ? (
                    <StatusBadge status="safe">{t.incidents.reported}</StatusBadge>
                  ) : (
                    <AppLink
                      href={
                        mayReport
                          ? `/incidents/report?incident=${encodeURIComponent(i.id)}`
                          : `/incidents/${encodeURIComponent(i.id)}`
                      }
                      aria-label={r.fillIn(reg.registry.roomLabel(i.roomId), when(i))}
                    >
                      <StatusBadge status="warning">{t.incidents.unreported}</StatusBadge>
                    </AppLink>
                  ),
              },
            ]}
          />
        </TableScroll>
      ) : null}
      {pages > 1 ? (
        <nav aria-label={r.pagination} className="pp-pager">
          <ButtonGroup>
            <SecondaryActionButton
              disabled={filter.page <= 1}
              onClick={() => go({ ...filter, page: filter.page - 1 })}
            >
              {r.previous}
            </SecondaryActionButton>
            <span className="pp-pager__where">{r.page(filter.page, pages)}</span>
            <SecondaryActionButton
              disabled={filter.page >= pages}
              onClick={() => go({ ...filter, page: filter.page + 1 })}
            >
              {r.next}
            </SecondaryActionButton>
          </ButtonGroup>
        </nav>
      ) : null}
    </>
  );
};

const IncidentDetail = ({ id }: { readonly id: string }) => {
  const { t, lang } = useI18n();
  const reg = useRegistry();
  const incident = useLoad(() => api.get<Incident>(`/api/incidents/${encodeURIComponent(id)}`), [id]);
  if (isNotFound(incident.error)) return <NotFoundPage />;
  const i = incident.data;
  const none = t.incidents.none;
  return (
    <>
      <PageTitle>{t.incidents.detailTitle}</PageTitle>
      <Paragraph>
        <AppLink href="/incidents">{t.incidents.back}</AppLink>
      </Paragraph>
      {incident.loading && !i ? <Loading /> : null}
      {incident.error ? <LoadError error={incident.error} /> : null}
      {i ? (
        <DataList appearance="rows" className="pp-datalist">
          {[
            [t.incidents.occurredAt, formatDateTime(lang, i.occurredAt)],
            [t.incidents.room, reg.registry.roomLabel(i.roomId)],
            [t.incidents.source, t.incidents.sources[i.source]],
            [t.incidents.kind, i.kind ? (t.incidents.kinds[i.kind] ?? i.kind) : none],
            [t.incidents.severity, i.severity === null ? none : String(i.severity)],
            [
              t.incidents.policeReport,
              i.policeReport ? `${t.yes}${i.policeReference ? ` (${i.policeReference})` : ''}` : t.no,
            ],
            [t.incidents.status, i.reportedAt ? t.incidents.reported : t.incidents.unreported],
          ].map(([key, value]) => (
            <DataListItem key={key}>
              <DataListKey>{key}</DataListKey>
              <DataListValue>{value}</DataListValue>
            </DataListItem>
          ))}
        </DataList>
      ) : null}
      <IncidentFootage incidentId={id} />
    </>
  );
};
