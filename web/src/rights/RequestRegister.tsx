/**
 * The register of residents' requests: kind, day received, deadline and where it stands, step,
 * room or site; filtered by step, kind and deadline, the filter in the address (registers/).
 */
import type { SubjectRequest } from '../api-types.js';
import { AppLink } from '../components/AppLink.js';
import { useI18n } from '../i18n/index.js';
import { deadlineCell, RegisterList } from '../registers/RegisterList.js';
import { useRegistry } from '../registry.js';
import { REQUEST_KINDS, REQUEST_STATUSES, rightsFilterOf, rightsHref, rightsListHref } from './paths.js';
import { deadlineText, placeOf } from './view.js';

export const RequestRegister = () => {
  const { t } = useI18n();
  const r = t.rights;
  const reg = useRegistry();
  return (
    <RegisterList<SubjectRequest>
      texts={r}
      idPrefix="rights"
      endpoint="/api/rights/requests"
      manage="rights:manage"
      newHref={rightsHref({ kind: 'new' })}
      statuses={REQUEST_STATUSES}
      kinds={REQUEST_KINDS}
      kindLabel={(k) => r.kindLabels[k] ?? k}
      filterOf={rightsFilterOf}
      listHref={rightsListHref}
      rowHeader={(day) => ({
        header: r.col.kind,
        cell: (x) => (
          <AppLink
            href={rightsHref({ kind: 'request', id: x.id })}
            aria-label={r.open(r.kinds[x.kind] ?? x.kind, day(x.receivedOn))}
          >
            {r.kindLabels[x.kind] ?? x.kind}
          </AppLink>
        ),
      })}
      columns={(day) => [
        { header: r.col.received, cell: (x) => day(x.receivedOn) },
        { header: r.col.deadline, cell: (x) => day(x.deadline.dueOn) },
        {
          header: r.col.deadlineState,
          cell: (x) => deadlineCell(x.deadline.status, deadlineText(t, x.deadline)),
        },
        { header: r.col.status, cell: (x) => r.statuses[x.status] ?? x.status },
        { header: r.col.place, cell: (x) => placeOf(t, reg.registry, x) },
      ]}
    />
  );
};
