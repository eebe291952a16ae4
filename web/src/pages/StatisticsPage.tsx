/**
 * Incident statistics: counts by kind and by severity and response times, grouped by site, room,
 * kind of conversation, kind of incident or period (GET /api/incidents/stats), as SVG charts with
 * a data table each.
 */
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import {
  INCIDENT_KINDS,
  api,
  query,
  type IncidentStatistics,
  type StatBucket,
  type StatGroup,
} from '../api.js';
import { BarChart, type BarChartProps, type ChartRow } from '../components/BarChart.js';
import { FormSection } from '../components/FormSection.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { PageTitle } from '../components/PageTitle.js';
import { SelectField } from '../components/SelectField.js';
import { TextField } from '../components/TextField.js';
import { NO_ERRORS, useLoad } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { useRegistry } from '../registry.js';

interface Filter {
  readonly groupBy: StatGroup;
  readonly from: string;
  readonly to: string;
}

const SEVERITY_KEYS = ['1', '2', '3', '4', '5', 'none'] as const;

type ChartSectionProps = Omit<BarChartProps, 'tableCaption' | 'legendLabel' | 'groupHeader'> & {
  readonly id: string;
  /** Shown instead of the chart when there is nothing to draw. */
  readonly empty?: string | undefined;
};

/** One chart under its own heading; its table caption, legend and first column follow the page's words. */
const ChartSection = ({ id, empty, ...chart }: ChartSectionProps) => {
  const { t } = useI18n();
  return (
    <section aria-labelledby={id}>
      <Heading2 id={id}>{chart.title}</Heading2>
      {empty !== undefined ? (
        <Paragraph>{empty}</Paragraph>
      ) : (
        <BarChart
          {...chart}
          groupHeader={t.statistics.group}
          tableCaption={t.statistics.tableCaption(chart.title)}
          legendLabel={t.statistics.legend}
        />
      )}
    </section>
  );
};

export const StatisticsPage = () => {
  const { t } = useI18n();
  const reg = useRegistry();
  const [draft, setDraft] = useState<Filter>({ groupBy: 'room', from: '', to: '' });
  const [filter, setFilter] = useState<Filter>(draft);
  const stats = useLoad(
    () =>
      api.get<IncidentStatistics>(
        `/api/incidents/stats${query({ groupBy: filter.groupBy, from: filter.from || undefined, to: filter.to || undefined })}`,
      ),
    [filter],
  );
  const groupWord = t.statistics.groups[filter.groupBy];

  const labelOf = (key: string): string => {
    if (key === 'none')
      return filter.groupBy === 'kind' ? (t.incidents.kinds.none ?? key) : t.statistics.unknown;
    switch (filter.groupBy) {
      case 'site':
        return reg.registry.siteName(key);
      case 'room':
        return reg.registry.roomLabel(key);
      case 'conversationType':
        return reg.registry.typeName(key);
      case 'kind':
        return t.incidents.kinds[key] ?? key;
      case 'month':
      case 'quarter':
      case 'year':
        return key;
    }
  };

  const groups = stats.data?.groups ?? [];
  const rowsBy = (pick: (b: StatBucket) => Readonly<Record<string, number>>): ChartRow[] =>
    groups.map((g) => ({ label: labelOf(g.key), values: pick(g) }));
  const kindsSeries = [...INCIDENT_KINDS, 'none'].map((k) => ({ key: k, label: t.incidents.kinds[k] ?? k }));
  const severitySeries = SEVERITY_KEYS.map((k) => ({ key: k, label: t.incidents.severities[k] ?? k }));
  const usedKinds = kindsSeries.filter((s) => groups.some((g) => (g.byKind[s.key] ?? 0) > 0));
  const usedSeverities = severitySeries.filter((s) => groups.some((g) => (g.bySeverity[s.key] ?? 0) > 0));
  const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);
  const responseRows: ChartRow[] = groups
    .filter((g) => g.responseTimes.medianMs !== null)
    .map((g) => ({
      label: labelOf(g.key),
      values: { median: seconds(g.responseTimes.medianMs) ?? 0 },
      marker: seconds(g.responseTimes.p90Ms),
    }));
  const byGroup = (label: string) => groups.find((g) => labelOf(g.key) === label);
  /** Incidents counted per group, stacked by kind or by severity (only the kinds that occur). */
  const countChart = (
    id: string,
    by: 'byKind' | 'bySeverity',
    title: (group: string) => string,
    description: (group: string) => string,
    extraColumns?: BarChartProps['extraColumns'],
  ) => (
    <ChartSection
      id={id}
      title={title(groupWord)}
      description={description(groupWord)}
      series={by === 'byKind' ? usedKinds : usedSeverities}
      rows={rowsBy((g) => g[by])}
      totalHeader={t.statistics.count}
      extraColumns={extraColumns}
    />
  );

  return (
    <>
      <PageTitle>{t.statistics.title}</PageTitle>
      <Paragraph>{t.statistics.intro}</Paragraph>
      <FormSection
        title={t.incidents.filters}
        form={{ errors: NO_ERRORS, busy: stats.loading, labels: {} }}
        onSubmit={() => setFilter(draft)}
        submitLabel={t.statistics.show}
      >
        <SelectField
          id="stats-group"
          label={t.statistics.groupBy}
          value={draft.groupBy}
          onChange={(groupBy) => setDraft({ ...draft, groupBy })}
          // The groupings are the keys of the table that names them (typed against the server's).
          options={(Object.keys(t.statistics.groups) as StatGroup[]).map((g) => ({
            value: g,
            label: t.statistics.groups[g],
          }))}
        />
        <TextField
          markOptional={false}
          id="stats-from"
          label={t.incidents.from}
          type="date"
          value={draft.from}
          onChange={(v) => setDraft({ ...draft, from: v })}
        />
        <TextField
          markOptional={false}
          id="stats-to"
          label={t.incidents.to}
          type="date"
          value={draft.to}
          onChange={(v) => setDraft({ ...draft, to: v })}
        />
      </FormSection>
      {stats.loading && !stats.data ? <Loading /> : null}
      {stats.error ? <LoadError error={stats.error} /> : null}
      {stats.data ? (
        <>
          <Paragraph role="status">{t.statistics.total(stats.data.total.count)}</Paragraph>
          {groups.length === 0 ? <Paragraph>{t.statistics.empty}</Paragraph> : null}
        </>
      ) : null}
      {groups.length > 0 && reg.data ? (
        <>
          {countChart('stats-kind', 'byKind', t.statistics.byKindTitle, t.statistics.byKindDesc, [
            { header: t.statistics.injuries, cell: (r) => String(byGroup(r.label)?.injuries ?? 0) },
            { header: t.statistics.policeReports, cell: (r) => String(byGroup(r.label)?.policeReports ?? 0) },
          ])}
          {countChart(
            'stats-severity',
            'bySeverity',
            t.statistics.bySeverityTitle,
            t.statistics.bySeverityDesc,
          )}
          <ChartSection
            id="stats-response"
            title={t.statistics.responseTitle(groupWord)}
            empty={responseRows.length === 0 ? t.statistics.noResponse : undefined}
            description={t.statistics.responseDesc(groupWord)}
            series={[{ key: 'median', label: t.statistics.median }]}
            rows={responseRows}
            format={(n) => t.statistics.seconds(n)}
            extraColumns={[
              {
                header: t.statistics.p90,
                cell: (r) =>
                  r.marker === undefined || r.marker === null ? '' : t.statistics.seconds(r.marker),
              },
              {
                header: t.statistics.measured,
                cell: (r) => String(byGroup(r.label)?.responseTimes.count ?? 0),
              },
            ]}
          />
        </>
      ) : null}
    </>
  );
};
