/** On the start page of a custodian: the viewing requests that wait for their approval. */
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { api, query } from '../api.js';
import { LoadError } from '../components/LoadError.js';
import { useLoad } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { useRegistry } from '../registry.js';
import { RequestTable } from './RequestTable.js';
import type { ViewingRequest } from './types.js';

export const AwaitingApproval = () => {
  const { t } = useI18n();
  const f = t.footage;
  const reg = useRegistry();
  const awaiting = useLoad(
    () => api.get<ViewingRequest[]>(`/api/footage/requests${query({ awaitingMe: 'true' })}`),
    [],
  );
  const list = awaiting.data ?? [];
  return (
    <section aria-labelledby="start-awaiting">
      <Heading2 id="start-awaiting">{f.awaitingMe}</Heading2>
      {awaiting.error ? <LoadError error={awaiting.error} /> : null}
      {awaiting.data ? (
        <Paragraph>{list.length === 0 ? f.awaitingMeNone : f.awaitingMeCount(list.length)}</Paragraph>
      ) : null}
      {list.length > 0 ? (
        <RequestTable caption={f.awaitingCaption} requests={list} registry={reg.registry} />
      ) : null}
    </section>
  );
};
