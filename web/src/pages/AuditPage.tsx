import { Alert, ButtonGroup, Code, Paragraph, SecondaryActionButton } from '@utrecht/component-library-react';
import { useState } from 'react';
import { api, query, type AuditPage as AuditPageData, type AuditVerification, type User } from '../api.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { PageTitle } from '../components/PageTitle.js';
import { ResourceTable } from '../components/ResourcePage.js';
import { useLoad } from '../hooks.js';
import { formatDateTime, useI18n } from '../i18n/index.js';
import { useSession } from '../session.js';

const PAGE_SIZE = 25;

const AnchorNote = ({ anchor }: { anchor: AuditVerification['anchor'] }) => {
  const { t, lang } = useI18n();
  if (!anchor) return null;
  return (
    <Paragraph appearance="small">
      {!anchor.present
        ? t.audit.anchorNone
        : anchor.lastGood
          ? t.audit.anchorHolds(anchor.anchors, anchor.lastGood.seq, formatDateTime(lang, anchor.lastGood.at))
          : t.audit.anchorNoneHold}
    </Paragraph>
  );
};

const VerificationResult = ({ result }: { result: AuditVerification }) => {
  const { t } = useI18n();
  if (result.ok) {
    return (
      <Alert type="ok" className="pp-verify">
        <Paragraph className="pp-verify__title">{t.audit.intact(result.checked)}</Paragraph>
        {result.headHash ? (
          <Paragraph appearance="small">
            {t.audit.head}: <Code className="pp-hash">{result.headHash}</Code>
          </Paragraph>
        ) : null}
        <AnchorNote anchor={result.anchor} />
      </Alert>
    );
  }
  const p = result.problem;
  return (
    <Alert type="error" className="pp-verify">
      <Paragraph className="pp-verify__title">
        {p ? t.audit.broken(p.seq, p.kind, p.detail) : t.audit.broken(0, '?', '')}
      </Paragraph>
      <AnchorNote anchor={result.anchor} />
    </Alert>
  );
};

export const AuditPage = () => {
  const { t, lang } = useI18n();
  const { can } = useSession();
  /** `before` values of the pages visited, newest first; undefined is the newest page. */
  const [trail, setTrail] = useState<(number | undefined)[]>([undefined]);
  const before = trail[trail.length - 1];
  const page = useLoad(
    () => api.get<AuditPageData>(`/api/audit${query({ before, limit: PAGE_SIZE })}`),
    [before],
  );
  const verify = useLoad(() => api.get<AuditVerification>('/api/audit/verify'), []);
  const users = useLoad(
    () => (can('users:read') ? api.get<User[]>('/api/users') : Promise.resolve([] as User[])),
    [],
  );
  /** `user:<id>` reads better as the username, when the viewer may see users. */
  const userName = (ref: string): string | undefined => {
    const id = ref.startsWith('user:') ? ref.slice(5) : undefined;
    return id ? users.data?.find((x) => x.id === id)?.username : undefined;
  };
  const actorName = (actor: string): string => userName(actor) ?? actor;
  const subjectName = (subject: string): string => {
    const name = userName(subject);
    return name ? `user:${name}` : subject;
  };
  const entries = page.data?.entries ?? [];
  const first = entries[0];
  const last = entries[entries.length - 1];

  return (
    <>
      <PageTitle>{t.audit.title}</PageTitle>
      <Paragraph>{t.audit.intro}</Paragraph>
      <div aria-live="polite">
        {verify.loading ? <Paragraph>{t.audit.verifying}</Paragraph> : null}
        {verify.data ? <VerificationResult result={verify.data} /> : null}
      </div>
      {verify.error ? <LoadError error={verify.error} /> : null}
      <ButtonGroup>
        <SecondaryActionButton onClick={verify.reload} disabled={verify.loading}>
          {t.audit.verifyAgain}
        </SecondaryActionButton>
      </ButtonGroup>
      {page.loading && !page.data ? <Loading /> : null}
      {page.error ? <LoadError error={page.error} /> : null}
      {page.data ? (
        <div className="pp-table-scroll">
          <ResourceTable
            variant="audit"
            caption={
              first && last ? t.audit.caption(last.seq, first.seq, page.data.total) : t.audit.captionEmpty
            }
            rows={entries}
            rowKey={(e) => String(e.seq)}
            rowHeader={{ header: t.audit.seq, cell: (e) => e.seq }}
            columns={[
              { header: t.audit.time, cell: (e) => formatDateTime(lang, e.at) },
              { header: t.audit.actor, cell: (e) => actorName(e.actor) },
              { header: t.audit.action, cell: (e) => <Code>{e.action}</Code> },
              { header: t.audit.subject, cell: (e) => subjectName(e.subject), className: 'pp-break' },
              {
                header: t.audit.details,
                className: 'pp-break',
                cell: (e) =>
                  e.damage ? (
                    <>
                      <strong>{t.audit.damaged}</strong> <Code>{e.damage.raw}</Code>
                    </>
                  ) : (
                    <Code>{JSON.stringify(e.details)}</Code>
                  ),
              },
            ]}
          />
        </div>
      ) : null}
      <nav aria-label={t.audit.pagination}>
        <ButtonGroup>
          {trail.length > 1 ? (
            <>
              <SecondaryActionButton onClick={() => setTrail([undefined])}>
                {t.audit.newest}
              </SecondaryActionButton>
              <SecondaryActionButton onClick={() => setTrail((tr) => tr.slice(0, -1))}>
                {t.audit.newer}
              </SecondaryActionButton>
            </>
          ) : null}
          {page.data?.nextBefore ? (
            <SecondaryActionButton
              onClick={() => setTrail((tr) => [...tr, page.data?.nextBefore ?? undefined])}
            >
              {t.audit.older}
            </SecondaryActionButton>
          ) : null}
        </ButtonGroup>
      </nav>
    </>
  );
};
