/**
 * The register of residents' requests: kind, day received, deadline and where it stands, step,
 * room or site; filtered by step, kind and deadline, the filter in the address.
 */
import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { api, query } from '../api.js';
import type { SubjectRequest } from '../api-types.js';
import { AppLink } from '../components/AppLink.js';
import { FormSection } from '../components/FormSection.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { PageTitle } from '../components/PageTitle.js';
import { ResourceTable } from '../components/ResourcePage.js';
import { SelectField } from '../components/SelectField.js';
import { NO_ERRORS, useLoad } from '../hooks.js';
import { formatDate, useI18n } from '../i18n/index.js';
import { useRegistry } from '../registry.js';
import { useRouter } from '../router.js';
import { useSession } from '../session.js';
import {
  DEADLINE_STATES,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  rightsFilterOf,
  rightsHref,
  rightsListHref,
  type RightsFilter,
} from './paths.js';
import { deadlineText, placeOf } from './view.js';

export const RequestRegister = () => {
  const { t, lang } = useI18n();
  const r = t.rights;
  const { can } = useSession();
  const { search, navigate } = useRouter();
  const reg = useRegistry();
  const filter = rightsFilterOf(search);
  const [draft, setDraft] = useState<RightsFilter>(filter);
  const set = (k: keyof RightsFilter) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const list = useLoad(
    () =>
      api.get<SubjectRequest[]>(
        `/api/rights/requests${query({
          status: filter.status || undefined,
          kind: filter.kind || undefined,
          deadline: filter.deadline || undefined,
        })}`,
      ),
    [search],
  );
  const day = (d: string) => formatDate(lang, d);
  return (
    <>
      <PageTitle>{r.title}</PageTitle>
      <Paragraph>{r.intro}</Paragraph>
      {can('rights:manage') ? (
        <Paragraph>
          <AppLink href={rightsHref({ kind: 'new' })}>{r.newLink}</AppLink>
        </Paragraph>
      ) : (
        <Paragraph>{r.readOnly}</Paragraph>
      )}
      <FormSection
        title={r.filters}
        form={{ errors: NO_ERRORS, busy: list.loading, labels: {} }}
        onSubmit={() => navigate(rightsListHref(draft))}
        submitLabel={r.apply}
      >
        <SelectField
          id="rights-status"
          label={r.col.status}
          value={draft.status}
          onChange={set('status')}
          options={[
            { value: '', label: r.allStatuses },
            ...REQUEST_STATUSES.map((s) => ({ value: s, label: r.statuses[s] ?? s })),
          ]}
        />
        <SelectField
          id="rights-kind"
          label={r.col.kind}
          value={draft.kind}
          onChange={set('kind')}
          options={[
            { value: '', label: r.allKinds },
            ...REQUEST_KINDS.map((k) => ({ value: k, label: r.kindLabels[k] ?? k })),
          ]}
        />
        <SelectField
          id="rights-deadline"
          label={r.col.deadlineState}
          value={draft.deadline}
          onChange={set('deadline')}
          options={[
            { value: '', label: r.allDeadlines },
            ...DEADLINE_STATES.map((d) => ({ value: d, label: r.deadlineStates[d] ?? d })),
          ]}
        />
      </FormSection>
      {search ? (
        <Paragraph>
          <AppLink href={rightsListHref({ status: '', kind: '', deadline: '' })}>{r.clear}</AppLink>
        </Paragraph>
      ) : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.error ? <LoadError error={list.error} /> : null}
      {list.data && list.data.length === 0 ? <Paragraph>{r.empty}</Paragraph> : null}
      {list.data && list.data.length > 0 ? (
        <>
          <Paragraph>{r.total(list.data.length)}</Paragraph>
          <ResourceTable
            caption={r.caption}
            rows={list.data}
            rowKey={(x) => x.id}
            rowHeader={{
              header: r.col.kind,
              cell: (x) => (
                <AppLink
                  href={rightsHref({ kind: 'request', id: x.id })}
                  aria-label={r.open(r.kinds[x.kind] ?? x.kind, day(x.receivedOn))}
                >
                  {r.kindLabels[x.kind] ?? x.kind}
                </AppLink>
              ),
            }}
            columns={[
              { header: r.col.received, cell: (x) => day(x.receivedOn) },
              { header: r.col.deadline, cell: (x) => day(x.deadline.dueOn) },
              {
                header: r.col.deadlineState,
                cell: (x) => (
                  <span className={`pp-deadline pp-deadline--${x.deadline.status}`}>
                    {deadlineText(t, x.deadline)}
                  </span>
                ),
              },
              { header: r.col.status, cell: (x) => r.statuses[x.status] ?? x.status },
              { header: r.col.place, cell: (x) => placeOf(t, reg.registry, x) },
            ]}
          />
        </>
      ) : null}
    </>
  );
};
