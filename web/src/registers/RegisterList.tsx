/**
 * A register with deadlines as a page (residents' requests, complaints and inquiries): its title
 * and intro, the link to register a new entry (or that the user reads only), the filter by step,
 * kind and deadline in the address, and the table with the register's own columns.
 */
import { Paragraph } from '@utrecht/component-library-react';
import { useState, type ReactNode } from 'react';
import type { Permission } from '../../../src/core/auth/roles.js';
import { api, query } from '../api.js';
import { AppLink } from '../components/AppLink.js';
import { FormSection } from '../components/FormSection.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { PageTitle } from '../components/PageTitle.js';
import { ResourceTable, type Column } from '../components/ResourcePage.js';
import { SelectField } from '../components/SelectField.js';
import { NO_ERRORS, useLoad } from '../hooks.js';
import { formatDate, useI18n } from '../i18n/index.js';
import { useRouter } from '../router.js';
import { useSession } from '../session.js';
import { DEADLINE_STATES, type RegisterFilter } from './filter.js';

/** The register's words on this page (the capability's dictionary). */
export interface RegisterListTexts {
  readonly title: string;
  readonly intro: string;
  readonly newLink: string;
  readonly readOnly: string;
  readonly filters: string;
  readonly apply: string;
  readonly clear: string;
  readonly empty: string;
  readonly total: (n: number) => string;
  readonly caption: string;
  readonly allStatuses: string;
  readonly allKinds: string;
  readonly allDeadlines: string;
  readonly col: { readonly status: string; readonly kind: string; readonly deadlineState: string };
  readonly statuses: Readonly<Record<string, string>>;
  readonly deadlineStates: Readonly<Record<string, string>>;
}

export interface RegisterListProps<T> {
  readonly texts: RegisterListTexts;
  /** Element ids of the filter: `<idPrefix>-status`, `-kind`, `-deadline`. */
  readonly idPrefix: string;
  /** The API's list, which takes the filter as status, kind and deadline. */
  readonly endpoint: string;
  /** Who may register a new entry (the others read). */
  readonly manage: Permission;
  readonly newHref: string;
  readonly statuses: readonly string[];
  readonly kinds: readonly string[];
  readonly kindLabel: (kind: string) => string;
  readonly filterOf: (search: string) => RegisterFilter;
  readonly listHref: (f: RegisterFilter) => string;
  /** The row header and the other columns; `day` formats a calendar day in the user's language. */
  readonly rowHeader: (day: (d: string) => string) => Column<T>;
  readonly columns: (day: (d: string) => string) => readonly Column<T>[];
}

/** The deadline column's cell: the state in words, marked for its colour (layout.css). */
export const deadlineCell = (status: string, text: string): ReactNode => (
  <span className={`pp-deadline pp-deadline--${status}`}>{text}</span>
);

export const RegisterList = <T extends { readonly id: string }>(p: RegisterListProps<T>) => {
  const { lang } = useI18n();
  const x = p.texts;
  const { can } = useSession();
  const { search, navigate } = useRouter();
  const filter = p.filterOf(search);
  const [draft, setDraft] = useState<RegisterFilter>(filter);
  const set = (k: keyof RegisterFilter) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const list = useLoad(
    () =>
      api.get<T[]>(
        `${p.endpoint}${query({
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
      <PageTitle>{x.title}</PageTitle>
      <Paragraph>{x.intro}</Paragraph>
      {can(p.manage) ? (
        <Paragraph>
          <AppLink href={p.newHref}>{x.newLink}</AppLink>
        </Paragraph>
      ) : (
        <Paragraph>{x.readOnly}</Paragraph>
      )}
      <FormSection
        title={x.filters}
        form={{ errors: NO_ERRORS, busy: list.loading, labels: {} }}
        onSubmit={() => navigate(p.listHref(draft))}
        submitLabel={x.apply}
      >
        <SelectField
          id={`${p.idPrefix}-status`}
          label={x.col.status}
          value={draft.status}
          onChange={set('status')}
          options={[
            { value: '', label: x.allStatuses },
            ...p.statuses.map((s) => ({ value: s, label: x.statuses[s] ?? s })),
          ]}
        />
        <SelectField
          id={`${p.idPrefix}-kind`}
          label={x.col.kind}
          value={draft.kind}
          onChange={set('kind')}
          options={[
            { value: '', label: x.allKinds },
            ...p.kinds.map((k) => ({ value: k, label: p.kindLabel(k) })),
          ]}
        />
        <SelectField
          id={`${p.idPrefix}-deadline`}
          label={x.col.deadlineState}
          value={draft.deadline}
          onChange={set('deadline')}
          options={[
            { value: '', label: x.allDeadlines },
            ...DEADLINE_STATES.map((d) => ({ value: d, label: x.deadlineStates[d] ?? d })),
          ]}
        />
      </FormSection>
      {search ? (
        <Paragraph>
          <AppLink href={p.listHref({ status: '', kind: '', deadline: '' })}>{x.clear}</AppLink>
        </Paragraph>
      ) : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.error ? <LoadError error={list.error} /> : null}
      {list.data && list.data.length === 0 ? <Paragraph>{x.empty}</Paragraph> : null}
      {list.data && list.data.length > 0 ? (
        <>
          <Paragraph>{x.total(list.data.length)}</Paragraph>
          <ResourceTable
            caption={x.caption}
            rows={list.data}
            rowKey={(row) => row.id}
            rowHeader={p.rowHeader(day)}
            columns={p.columns(day)}
          />
        </>
      ) : null}
    </>
  );
};
