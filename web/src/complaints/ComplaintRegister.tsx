/**
 * The register of complaints and regulator inquiries: kind, where it came from, day received,
 * deadline and where it stands, step, site; filtered by step, kind and deadline, the filter in the
 * address (registers/).
 */
import type { Complaint } from '../api-types.js';
import { AppLink } from '../components/AppLink.js';
import { useI18n } from '../i18n/index.js';
import { deadlineCell, RegisterList } from '../registers/RegisterList.js';
import { useRegistry } from '../registry.js';
import {
  COMPLAINT_KINDS,
  COMPLAINT_STATUSES,
  complaintsFilterOf,
  complaintsHref,
  complaintsListHref,
} from './paths.js';
import { deadlineText, siteOf } from './view.js';

export const ComplaintRegister = () => {
  const { t } = useI18n();
  const c = t.complaints;
  const reg = useRegistry();
  return (
    <RegisterList<Complaint>
      texts={c}
      idPrefix="complaints"
      endpoint="/api/complaints"
      manage="complaints:manage"
      newHref={complaintsHref({ kind: 'new' })}
      statuses={COMPLAINT_STATUSES}
      kinds={COMPLAINT_KINDS}
      kindLabel={(k) => c.kinds[k] ?? k}
      filterOf={complaintsFilterOf}
      listHref={complaintsListHref}
      rowHeader={(day) => ({
        header: c.col.subject,
        cell: (x) => (
          <AppLink
            href={complaintsHref({ kind: 'complaint', id: x.id })}
            aria-label={`${x.subject}: ${c.open(c.kinds[x.kind] ?? x.kind, day(x.receivedOn))}`}
          >
            {x.subject}
          </AppLink>
        ),
      })}
      columns={(day) => [
        { header: c.col.kind, cell: (x) => c.kinds[x.kind] ?? x.kind },
        { header: c.col.source, cell: (x) => c.sources[x.source] ?? x.source },
        { header: c.col.received, cell: (x) => day(x.receivedOn) },
        { header: c.col.deadline, cell: (x) => day(x.deadline.dueOn) },
        {
          header: c.col.deadlineState,
          cell: (x) => deadlineCell(x.deadline.status, deadlineText(t, x.deadline)),
        },
        { header: c.col.status, cell: (x) => c.statuses[x.status] ?? x.status },
        { header: c.col.site, cell: (x) => siteOf(t, reg.registry, x) },
      ]}
    />
  );
};
