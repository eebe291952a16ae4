/**
 * The register of complaints and regulator inquiries: kind, where it came from, day received,
 * deadline and where it stands, step, site; filtered by step, kind and deadline, the filter in the
 * address.
 */
import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { api, query } from '../api.js';
import type { Complaint } from '../api-types.js';
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
  COMPLAINT_KINDS,
  COMPLAINT_STATUSES,
  DEADLINE_STATES,
  complaintsFilterOf,
  complaintsHref,
  complaintsListHref,
  type ComplaintsFilter,
} from './paths.js';
import { deadlineText, siteOf } from './view.js';

export const ComplaintRegister = () => {
  const { t, lang } = useI18n();
  const c = t.complaints;
  const { can } = useSession();
  const { search, navigate } = useRouter();
  const reg = useRegistry();
  const filter = complaintsFilterOf(search);
  const [draft, setDraft] = useState<ComplaintsFilter>(filter);
  const set = (k: keyof ComplaintsFilter) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const list = useLoad(
    () =>
      api.get<Complaint[]>(
        `/api/complaints${query({
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
      <PageTitle>{c.title}</PageTitle>
      <Paragraph>{c.intro}</Paragraph>
      {can('complaints:manage') ? (
        <Paragraph>
          <AppLink href={complaintsHref({ kind: 'new' })}>{c.newLink}</AppLink>
        </Paragraph>
      ) : (
        <Paragraph>{c.readOnly}</Paragraph>
      )}
      <FormSection
        title={c.filters}
        form={{ errors: NO_ERRORS, busy: list.loading, labels: {} }}
        onSubmit={() => navigate(complaintsListHref(draft))}
        submitLabel={c.apply}
      >
        <SelectField
          id="complaints-status"
          label={c.col.status}
          value={draft.status}
          onChange={set('status')}
          options={[
            { value: '', label: c.allStatuses },
            ...COMPLAINT_STATUSES.map((s) => ({ value: s, label: c.statuses[s] ?? s })),
          ]}
        />
        <SelectField
          id="complaints-kind"
          label={c.col.kind}
          value={draft.kind}
          onChange={set('kind')}
          options={[
            { value: '', label: c.allKinds },
            ...COMPLAINT_KINDS.map((k) => ({ value: k, label: c.kinds[k] ?? k })),
          ]}
        />
        <SelectField
          id="complaints-deadline"
          label={c.col.deadlineState}
          value={draft.deadline}
          onChange={set('deadline')}
          options={[
            { value: '', label: c.allDeadlines },
            ...DEADLINE_STATES.map((d) => ({ value: d, label: c.deadlineStates[d] ?? d })),
          ]}
        />
      </FormSection>
      {search ? (
        <Paragraph>
          <AppLink href={complaintsListHref({ status: '', kind: '', deadline: '' })}>{c.clear}</AppLink>
        </Paragraph>
      ) : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.error ? <LoadError error={list.error} /> : null}
      {list.data && list.data.length === 0 ? <Paragraph>{c.empty}</Paragraph> : null}
      {list.data && list.data.length > 0 ? (
        <>
          <Paragraph>{c.total(list.data.length)}</Paragraph>
          <ResourceTable
            caption={c.caption}
            rows={list.data}
            rowKey={(x) => x.id}
            rowHeader={{
              header: c.col.subject,
              cell: (x) => (
                <AppLink
                  href={complaintsHref({ kind: 'complaint', id: x.id })}
                  aria-label={`${x.subject}: ${c.open(c.kinds[x.kind] ?? x.kind, day(x.receivedOn))}`}
                >
                  {x.subject}
                </AppLink>
              ),
            }}
            columns={[
              { header: c.col.kind, cell: (x) => c.kinds[x.kind] ?? x.kind },
              { header: c.col.source, cell: (x) => c.sources[x.source] ?? x.source },
              { header: c.col.received, cell: (x) => day(x.receivedOn) },
              { header: c.col.deadline, cell: (x) => day(x.deadline.dueOn) },
              {
                header: c.col.deadlineState,
                cell: (x) => (
                  <span className={`pp-deadline pp-deadline--${x.deadline.status}`}>
                    {deadlineText(t, x.deadline)}
                  </span>
                ),
              },
              { header: c.col.status, cell: (x) => c.statuses[x.status] ?? x.status },
              { header: c.col.site, cell: (x) => siteOf(t, reg.registry, x) },
            ]}
          />
        </>
      ) : null}
    </>
  );
};
