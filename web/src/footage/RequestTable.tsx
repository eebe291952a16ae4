/** A table of viewing requests, each row a link to its request; shared by the list and the start page. */
import { ResourceTable } from '../components/ResourcePage.js';
import { AppLink } from '../components/AppLink.js';
import { formatDateTime, useI18n } from '../i18n/index.js';
import type { Registry } from '../registry.js';
import { footageHref } from './paths.js';
import type { ViewingRequest } from './types.js';

export const RequestTable = ({
  caption,
  requests,
  registry,
}: {
  readonly caption: string;
  readonly requests: readonly ViewingRequest[];
  readonly registry: Registry;
}) => {
  const { t, lang } = useI18n();
  const f = t.footage;
  return (
    <ResourceTable
      stackOnPhone
      caption={caption}
      rows={requests}
      rowKey={(r) => r.id}
      rowHeader={{
        header: f.requestedAt,
        cell: (r) => (
          <AppLink
            href={footageHref({ kind: 'request', id: r.id })}
            aria-label={f.openRequest(r.requestedBy.displayName, formatDateTime(lang, r.requestedAt))}
          >
            {formatDateTime(lang, r.requestedAt)}
          </AppLink>
        ),
      }}
      columns={[
        { header: f.requestedBy, cell: (r) => r.requestedBy.displayName },
        { header: f.room, cell: (r) => registry.roomLabel(r.roomId) },
        {
          header: f.clipTime,
          cell: (r) => (r.clipStartedAt ? formatDateTime(lang, r.clipStartedAt) : t.incidents.none),
        },
        { header: f.legalGround, cell: (r) => f.grounds[r.legalGround]?.label ?? r.legalGround },
        { header: f.state, cell: (r) => f.states[r.state] ?? r.state },
        { header: f.approvals, cell: (r) => f.approvalsCount(r.approvals.length, r.threshold) },
      ]}
    />
  );
};
