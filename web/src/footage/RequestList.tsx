/**
 * "Inzage in beelden": every viewing request of the user's sites, filtered by state. A custodian
 * first sees the requests that wait for their approval.
 */
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { api, query } from '../api.js';
import { FormSection } from '../components/FormSection.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { PageTitle } from '../components/PageTitle.js';
import { SelectField } from '../components/SelectField.js';
import { NO_ERRORS, useLoad } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { useRegistry } from '../registry.js';
import { useSession } from '../session.js';
import { RequestTable } from './RequestTable.js';
import { REQUEST_STATES, type RequestState, type ViewingRequest } from './types.js';

export const RequestList = () => {
  const { t } = useI18n();
  const f = t.footage;
  const { me } = useSession();
  const reg = useRegistry();
  const custodian = me.user.custodian;
  const [draft, setDraft] = useState<RequestState | ''>('');
  const [state, setState] = useState<RequestState | ''>('');
  const awaiting = useLoad(
    () =>
      custodian
        ? api.get<ViewingRequest[]>(`/api/footage/requests${query({ awaitingMe: 'true' })}`)
        : Promise.resolve([]),
    [custodian],
  );
  const all = useLoad(
    () => api.get<ViewingRequest[]>(`/api/footage/requests${query({ state: state || undefined })}`),
    [state],
  );
  return (
    <>
      <PageTitle>{t.nav.footage}</PageTitle>
      <Paragraph>{f.intro}</Paragraph>
      {custodian ? (
        <section aria-labelledby="footage-awaiting">
          <Heading2 id="footage-awaiting">{f.awaitingMe}</Heading2>
          {awaiting.loading && !awaiting.data ? <Loading /> : null}
          {awaiting.error ? <LoadError error={awaiting.error} /> : null}
          {awaiting.data && awaiting.data.length === 0 ? <Paragraph>{f.awaitingMeNone}</Paragraph> : null}
          {awaiting.data && awaiting.data.length > 0 ? (
            <RequestTable caption={f.awaitingCaption} requests={awaiting.data} registry={reg.registry} />
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="footage-all">
        <Heading2 id="footage-all">{f.allRequests}</Heading2>
        <FormSection
          title={f.filters}
          form={{ errors: NO_ERRORS, busy: all.loading, labels: {} }}
          onSubmit={() => setState(draft)}
          submitLabel={f.apply}
        >
          <SelectField<RequestState | ''>
            id="footage-state"
            label={f.state}
            value={draft}
            onChange={setDraft}
            options={[
              { value: '', label: f.allStates },
              ...REQUEST_STATES.map((s) => ({ value: s, label: f.states[s] ?? s })),
            ]}
          />
        </FormSection>
        {all.loading && !all.data ? <Loading /> : null}
        {all.error ? <LoadError error={all.error} /> : null}
        {all.data && all.data.length === 0 ? <Paragraph>{f.empty}</Paragraph> : null}
        {all.data && all.data.length > 0 ? (
          <RequestTable caption={f.caption} requests={all.data} registry={reg.registry} />
        ) : null}
      </section>
    </>
  );
};
