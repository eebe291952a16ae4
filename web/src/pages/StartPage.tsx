import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { api, type Organisation } from '../api.js';
import { AppLink } from '../components/AppLink.js';
import { AwaitingApproval } from '../footage/AwaitingApproval.js';
import { Loading } from '../components/Loading.js';
import { PageTitle } from '../components/PageTitle.js';
import { useLoad } from '../hooks.js';
import { roleName, useI18n } from '../i18n/index.js';
import { navRoutesFor } from '../routes.js';
import { useSession } from '../session.js';

export const StartPage = () => {
  const { t } = useI18n();
  const { me, can } = useSession();
  const org = useLoad(
    () => (can('registry:read') ? api.get<Organisation | null>('/api/organisation') : Promise.resolve(null)),
    [],
  );
  const pages = navRoutesFor(me.permissions).filter((r) => r.key !== 'start');
  return (
    <>
      <PageTitle>{t.start.welcome(me.user.displayName)}</PageTitle>
      <DataList appearance="rows" className="pp-datalist">
        <DataListItem>
          <DataListKey>{t.start.organisation}</DataListKey>
          <DataListValue>
            {org.loading ? <Loading /> : (org.data?.name ?? t.start.noOrganisation)}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t.start.yourRoles}</DataListKey>
          <DataListValue>
            <UnorderedList>
              {me.user.roles.map((r) => (
                <UnorderedListItem key={r}>
                  {roleName(t, r)}
                  {r in t.roles ? ` — ${t.roles[r as keyof typeof t.roles].explain}` : ''}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          </DataListValue>
        </DataListItem>
      </DataList>
      {me.user.custodian && can('footage:approve') ? <AwaitingApproval /> : null}
      {pages.length > 0 ? (
        <section aria-labelledby="start-pages">
          <Heading2 id="start-pages">{t.start.whatYouCanDo}</Heading2>
          <UnorderedList>
            {pages.map((r) => (
              <UnorderedListItem key={r.key}>
                <AppLink href={r.path}>{t.nav[r.key]}</AppLink>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </section>
      ) : null}
    </>
  );
};
