/**
 * The incident register (read): every incident with its report, filtered by site and period; one
 * incident (/incidents/:id) with its report and its footage (clips, viewing requests, history).
 */
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Paragraph,
  StatusBadge,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { api, isNotFound, query, type Incident, type IncidentSummary } from '../api.js';
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
import { useSession } from '../session.js';
import { TableScroll } from '../components/TableScroll.js';

interface Filter {
  readonly siteId: string;
  readonly from: string;
  readonly to: string;
}

export const IncidentsPage = ({ incidentId }: { readonly incidentId?: string | undefined }) =>
  incidentId === undefined ? <IncidentRegister /> : <IncidentDetail id={incidentId} />;

const IncidentRegister = () => {
  const { t, lang } = useI18n();
  const { can } = useSession();
  const reg = useRegistry();
  const [draft, setDraft] = useState<Filter>({ siteId: '', from: '', to: '' });
  const [filter, setFilter] = useState<Filter>(draft);
  const incidents = useLoad(
    () =>
      api.get<IncidentSummary[]>(
        `/api/incidents${query({
          siteId: filter.siteId || undefined,
          from: filter.from || undefined,
          to: filter.to || undefined,
          limit: 500,
        })}`,
      ),
    [filter],
  );
  const list = incidents.data ?? [];
  const none = t.incidents.none;

  return (
    <>
      <PageTitle>{t.incidents.title}</PageTitle>
      <Paragraph>{t.incidents.intro}</Paragraph>
      {can('incidents:report') ? (
        <Paragraph>
          <AppLink href="/incidents/report">{t.nav.report}</AppLink>
        </Paragraph>
      ) : null}
      <FormSection
        title={t.incidents.filters}
        form={{ errors: NO_ERRORS, busy: incidents.loading, labels: {} }}
        onSubmit={() => setFilter(draft)}
        submitLabel={t.incidents.apply}
      >
        <SelectField
          id="incidents-site"
          label={t.incidents.site}
          value={draft.siteId}
          onChange={(v) => setDraft({ ...draft, siteId: v })}
          options={[
            { value: '', label: t.incidents.allSites },
            ...reg.registry.sites.map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        <TextField
          id="incidents-from"
          label={t.incidents.from}
          type="date"
          value={draft.from}
          onChange={(v) => setDraft({ ...draft, from: v })}
        />
        <TextField
          id="incidents-to"
          label={t.incidents.to}
          type="date"
          value={draft.to}
          onChange={(v) => setDraft({ ...draft, to: v })}
        />
      </FormSection>
      {incidents.loading && !incidents.data ? <Loading /> : null}
      {incidents.error ? <LoadError error={incidents.error} /> : null}
      {incidents.data && list.length === 0 ? <Paragraph>{t.incidents.empty}</Paragraph> : null}
      {list.length > 0 ? (
        <TableScroll label={t.incidents.caption}>
          <ResourceTable
            caption={t.incidents.caption}
            rows={list}
            rowKey={(i) => i.id}
            rowHeader={{
              header: t.incidents.occurredAt,
              cell: (i) => (
                <AppLink
                  href={`/incidents/${encodeURIComponent(i.id)}`}
                  aria-label={t.incidents.openIncident(
                    reg.registry.roomLabel(i.roomId),
                    formatDateTime(lang, i.occurredAt),
                  )}
                >
                  {formatDateTime(lang, i.occurredAt)}
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
                    <StatusBadge status="warning">{t.incidents.unreported}</StatusBadge>
                  ),
              },
            ]}
          />
        </TableScroll>
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
