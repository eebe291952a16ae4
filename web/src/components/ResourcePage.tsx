/**
 * The shape every registry page shares: title and intro, a confirmation notice, an "add" button
 * or the form that is open, loading and load errors, then the list. Pages supply only what
 * differs (their fields and columns), so a new page does not copy the scaffolding.
 */
import {
  Button,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useCallback, useId, useState, type ReactNode } from 'react';
import type { Loadable } from '../hooks.js';
import { useI18n } from '../i18n/index.js';
import { LoadError } from './LoadError.js';
import { Loading } from './Loading.js';
import { Notice } from './Notice.js';
import { PageTitle } from './PageTitle.js';
import { TableScroll } from './TableScroll.js';

export interface Editor<E> {
  /** What is being edited ('new', a row, …) or null when no form is open. */
  readonly editing: E | null;
  readonly notice: string | undefined;
  readonly open: (e: E) => void;
  readonly close: () => void;
  /** Closes the form, confirms with `text` and reloads the list. */
  readonly done: (text: string) => () => void;
  /** What an open form is handed: done (confirming with `text`) and cancel. */
  readonly formProps: (text: string) => { readonly onDone: () => void; readonly onCancel: () => void };
}

/** One open form at a time, plus the confirmation shown after it was saved. */
export const useEditor = <E,>(reload: () => void): Editor<E> => {
  const [editing, setEditing] = useState<E | null>(null);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const open = useCallback((e: E) => {
    setNotice(undefined);
    setEditing(e);
  }, []);
  const close = useCallback(() => setEditing(null), []);
  const done = (text: string) => () => {
    setEditing(null);
    setNotice(text);
    reload();
  };
  return {
    editing,
    notice,
    open,
    close,
    done,
    formProps: (text) => ({ onDone: done(text), onCancel: close }),
  };
};

export interface ResourcePageProps {
  readonly title: string;
  readonly intro: string;
  /** Shown between the intro and the list (e.g. an explanation). */
  readonly aside?: ReactNode;
  readonly load: Loadable<unknown>;
  readonly notice: string | undefined;
  /** The "add" button; left out when undefined (no write permission) and while a form is open. */
  readonly add?: { readonly label: string; readonly onClick: () => void } | undefined;
  /** Shown instead of the add button when adding is not possible yet (e.g. "create a site first"). */
  readonly addBlocked?: string | undefined;
  /** The open form, if any. */
  readonly form?: ReactNode;
  /** Set when the list is empty: shown (once the data has loaded) instead of the list. */
  readonly empty?: string | undefined;
  /** Puts the list (and its empty text) in a section under this heading. */
  readonly heading?: string | undefined;
  readonly children?: ReactNode;
}

export const ResourcePage = ({
  title,
  intro,
  aside,
  load,
  notice,
  add,
  addBlocked,
  form,
  empty,
  heading,
  children,
}: ResourcePageProps) => {
  const headingId = useId();
  const list =
    empty === undefined ? children : load.data !== undefined ? <Paragraph>{empty}</Paragraph> : null;
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Paragraph>{intro}</Paragraph>
      {aside}
      <Notice text={notice} />
      {form ? null : addBlocked !== undefined ? (
        <Paragraph>{addBlocked}</Paragraph>
      ) : add ? (
        <Button appearance="secondary-action-button" onClick={add.onClick}>
          {add.label}
        </Button>
      ) : null}
      {form}
      {load.loading && load.data === undefined ? <Loading /> : null}
      {load.error ? <LoadError error={load.error} /> : null}
      {heading === undefined ? (
        list
      ) : (
        <section aria-labelledby={headingId}>
          <Heading2 id={headingId}>{heading}</Heading2>
          {list}
        </section>
      )}
    </>
  );
};

export interface Column<T> {
  readonly header: string;
  readonly cell: (row: T) => ReactNode;
  /** A class on this column's cells (e.g. pp-break for long unbroken text). */
  readonly className?: string;
}

export interface ResourceTableProps<T> {
  readonly caption: string;
  readonly rows: readonly T[];
  readonly rowKey: (row: T) => string;
  /** The first column, marked up as the row header. */
  readonly rowHeader: Column<T>;
  readonly columns: readonly Column<T>[];
  /** The actions cell of a row; the column is left out when undefined. */
  readonly actions?: ((row: T) => ReactNode) | undefined;
  /** A modifier class: pp-table--fixed lays the columns out evenly; pp-table--audit marks the audit log. */
  readonly variant?: 'fixed' | 'audit';
  /**
   * On a phone, each row as a block of labelled values (pp-table--stack): for tables whose columns
   * would not fit side by side at 390 px.
   */
  readonly stackOnPhone?: boolean;
}

/** A captioned table with column headers, a row header per row and an optional actions column. */
export const ResourceTable = <T,>({
  caption,
  rows,
  rowKey,
  rowHeader,
  columns,
  actions,
  variant,
  stackOnPhone = false,
}: ResourceTableProps<T>) => {
  const { t } = useI18n();
  return (
    <TableScroll label={caption}>
      <Table
        className={['pp-table', variant ? `pp-table--${variant}` : '', stackOnPhone ? 'pp-table--stack' : '']
          .filter(Boolean)
          .join(' ')}
      >
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{rowHeader.header}</TableHeaderCell>
            {columns.map((c) => (
              <TableHeaderCell key={c.header} scope="col">
                {c.header}
              </TableHeaderCell>
            ))}
            {actions ? <TableHeaderCell scope="col">{t.actions}</TableHeaderCell> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={rowKey(row)}>
              <TableHeaderCell scope="row">{rowHeader.cell(row)}</TableHeaderCell>
              {columns.map((c) => (
                <TableCell key={c.header} className={c.className} data-label={c.header}>
                  {c.cell(row)}
                </TableCell>
              ))}
              {actions ? <TableCell>{actions(row)}</TableCell> : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
};

/** The "Wijzigen" button of a row, named after the row for screen readers. */
export const EditButton = ({ name, onClick }: { readonly name: string; readonly onClick: () => void }) => {
  const { t } = useI18n();
  return (
    <Button appearance="subtle-button" aria-label={t.editItem(name)} onClick={onClick}>
      {t.edit}
    </Button>
  );
};
