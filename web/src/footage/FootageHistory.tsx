/**
 * "Beeldgeschiedenis": what happened to the footage of an incident (or one clip), oldest first,
 * from the audit chain: requested, approved by whom, viewed when and by whom, holds, exports,
 * deletion. Each line names its audit entry's number.
 */
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useId } from 'react';
import { api, query } from '../api.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { ResourceTable } from '../components/ResourcePage.js';
import { useLoad } from '../hooks.js';
import { formatDateTime, useI18n } from '../i18n/index.js';
import { describeEvent } from './history.js';
import type { FootageEvent } from './types.js';

export interface FootageHistoryProps {
  readonly incidentId?: string;
  readonly clipId?: string;
  /** Changes when something happened that the history should show (a new request, an approval). */
  readonly version?: number;
}

export const FootageHistory = ({ incidentId, clipId, version = 0 }: FootageHistoryProps) => {
  const { t, lang } = useI18n();
  const headingId = useId();
  const events = useLoad(
    () => api.get<FootageEvent[]>(`/api/footage/history${query({ incidentId, clipId })}`),
    [incidentId, clipId, version],
  );
  const list = events.data ?? [];
  return (
    <section aria-labelledby={headingId} className="pp-section">
      <Heading2 id={headingId}>{t.footage.historyTitle}</Heading2>
      <Paragraph>{t.footage.historyIntro}</Paragraph>
      {events.loading && !events.data ? <Loading /> : null}
      {events.error ? <LoadError error={events.error} /> : null}
      {events.data && list.length === 0 ? <Paragraph>{t.footage.historyEmpty}</Paragraph> : null}
      {list.length > 0 ? (
        <ResourceTable
          stackOnPhone
          caption={t.footage.historyCaption}
          rows={list}
          rowKey={(e) => String(e.auditSeq)}
          rowHeader={{ header: t.footage.at, cell: (e) => formatDateTime(lang, e.at) }}
          columns={[
            { header: t.footage.what, cell: (e) => describeEvent(t, lang, e) },
            { header: t.footage.auditSeq, cell: (e) => String(e.auditSeq) },
          ]}
        />
      ) : null}
    </section>
  );
};
