import {
  Alert,
  ButtonGroup,
  Code,
  Link,
  Paragraph,
  SecondaryActionButton,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import {
  api,
  query,
  type AuditEntry,
  type AuditPage as AuditPageData,
  type AuditVerification,
} from '../api.js';
import { FormSection } from '../components/FormSection.js';
import { SelectField } from '../components/SelectField.js';
import { TextField } from '../components/TextField.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { PageTitle } from '../components/PageTitle.js';
import { ResourceTable } from '../components/ResourcePage.js';
import { NO_ERRORS, useLoad } from '../hooks.js';
import {
  formatDate,
  formatDateTime,
  roleName,
  useI18n,
  type Dictionary,
  type Language,
} from '../i18n/index.js';

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

interface AuditFilter {
  readonly actor: string;
  readonly group: string;
  readonly from: string;
  readonly to: string;
}
const NO_FILTER: AuditFilter = { actor: '', group: '', from: '', to: '' };

const filterQuery = (f: AuditFilter) => ({
  actor: f.actor || undefined,
  group: f.group || undefined,
  from: f.from || undefined,
  to: f.to || undefined,
});

const isName = (v: unknown): v is Record<Language, string> =>
  typeof v === 'object' && v !== null && 'nl' in v && 'en' in v;

/** A moment (ISO) as a date and time in Amsterdam, a bare date as that day. */
const MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A code the server records, in words, for the facts whose values are codes (a legal ground). */
const codeInWords = (t: Dictionary, key: string, v: string): string | undefined => {
  const grounds: Readonly<Record<string, { label: string }>> = t.footage.grounds;
  const purposes: Readonly<Record<string, { label: string }>> = t.footage.purposes;
  if (key === 'legalGround') return grounds[v]?.label;
  if (key === 'purposes') return purposes[v]?.label;
  return t.auditLog.values[v];
};

/** The codes among a fact's values (one or a list) in words. */
const inWords = (t: Dictionary, key: string, v: unknown): unknown =>
  Array.isArray(v)
    ? (v as unknown[]).map((x) => inWords(t, key, x))
    : typeof v === 'string'
      ? (codeInWords(t, key, v) ?? v)
      : v;

/** A fact's value in words: a name in the language, yes/no, lists joined, nothing as a dash. */
const factValue = (v: unknown, lang: Language, a: Dictionary['auditLog']): string =>
  v === true
    ? a.yes
    : v === false
      ? a.no
      : v === null || v === undefined || v === ''
        ? '—'
        : Array.isArray(v)
          ? v.map((x) => factValue(x, lang, a)).join(', ')
          : isName(v)
            ? v[lang]
            : typeof v === 'string'
              ? MOMENT.test(v)
                ? formatDateTime(lang, v)
                : DAY.test(v)
                  ? formatDate(lang, v)
                  : (a.values[v] ?? v)
              : typeof v === 'number'
                ? String(v)
                : '—';

/** "policeReport" → "police report" when no label is known. */
const humanKey = (k: string): string => k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

const Facts = ({ entry }: { readonly entry: AuditEntry }) => {
  const { t, lang } = useI18n();
  const a = t.auditLog;
  if (entry.damage)
    return (
      <>
        <strong>{t.audit.damaged}</strong> <Code>{entry.damage.raw}</Code>
      </>
    );
  const facts = Object.entries(entry.facts);
  if (facts.length === 0) return <>—</>;
  return (
    <dl className="pp-facts">
      {facts.map(([k, v]) => (
        <div key={k} className="pp-facts__row">
          <dt>{a.facts[k] ?? humanKey(k)}</dt>
          <dd>
            {k === 'roles' && Array.isArray(v)
              ? v.map((r) => (typeof r === 'string' ? roleName(t, r) : '—')).join(', ')
              : factValue(inWords(t, k, v), lang, a)}
          </dd>
        </div>
      ))}
    </dl>
  );
};

export const AuditPage = () => {
  const { t, lang } = useI18n();
  const a = t.auditLog;
  const [draft, setDraft] = useState<AuditFilter>(NO_FILTER);
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  /** `before` values of the pages visited, newest first; undefined is the newest page. */
  const [trail, setTrail] = useState<(number | undefined)[]>([undefined]);
  const before = trail[trail.length - 1];
  const page = useLoad(
    () => api.get<AuditPageData>(`/api/audit${query({ before, limit: PAGE_SIZE, ...filterQuery(filter) })}`),
    [before, filter],
  );
  const verify = useLoad(() => api.get<AuditVerification>('/api/audit/verify'), []);
  const people = useLoad(() => api.get<readonly { id: string; name: string }[]>('/api/audit/people'), []);
  const entries = page.data?.entries ?? [];
  const first = entries[0];
  const last = entries[entries.length - 1];
  const set = (k: keyof AuditFilter) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));

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
      <FormSection
        title={a.filters}
        form={{ errors: NO_ERRORS, busy: page.loading, labels: {} }}
        onSubmit={() => {
          setTrail([undefined]);
          setFilter(draft);
        }}
        submitLabel={a.apply}
      >
        <div className="pp-filter-grid">
          <SelectField
            id="audit-who"
            label={a.who}
            value={draft.actor}
            onChange={set('actor')}
            options={[
              { value: '', label: a.everyone },
              ...(people.data ?? []).map((p) => ({ value: `user:${p.id}`, label: p.name })),
            ]}
          />
          <SelectField
            id="audit-what"
            label={a.what}
            value={draft.group}
            onChange={set('group')}
            options={[
              { value: '', label: a.everything },
              // The groups' labels are a Record<AuditGroup, string>: the type checks that none is missing.
              ...Object.entries(a.groups).map(([value, label]) => ({ value, label })),
            ]}
          />
          <TextField
            markOptional={false}
            id="audit-from"
            label={a.from}
            type="date"
            value={draft.from}
            onChange={set('from')}
          />
          <TextField
            markOptional={false}
            id="audit-to"
            label={a.to}
            type="date"
            value={draft.to}
            onChange={set('to')}
          />
        </div>
      </FormSection>
      <Paragraph>
        <Link
          href={`/api/audit/export.csv${query({ lang, ...filterQuery(filter) })}`}
          download
          className="pp-download"
        >
          {a.export}
        </Link>
      </Paragraph>
      {page.loading && !page.data ? <Loading /> : null}
      {page.error ? <LoadError error={page.error} /> : null}
      <div aria-live="polite">{page.data ? <Paragraph>{a.found(page.data.total)}</Paragraph> : null}</div>
      {page.data && entries.length > 0 ? (
        <ResourceTable
          variant="audit"
          caption={
            first && last ? t.audit.caption(last.seq, first.seq, page.data.total) : t.audit.captionEmpty
          }
          rows={entries}
          rowKey={(e) => String(e.seq)}
          rowHeader={{ header: t.audit.time, cell: (e) => formatDateTime(lang, e.at) }}
          columns={[
            { header: a.event, cell: (e) => e.sentence[lang], className: 'pp-break' },
            { header: t.audit.details, className: 'pp-break', cell: (e) => <Facts entry={e} /> },
            { header: t.audit.seq, cell: (e) => e.seq },
          ]}
        />
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
