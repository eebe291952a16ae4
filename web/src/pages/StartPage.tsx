/**
 * The start page: what this person has to do (GET /api/me/todo), grouped by kind, each item a
 * sentence whose link goes to the exact place to act. The front desk starts at the alarm.
 */
import {
  Heading2,
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { api, type TodoItem } from '../api.js';
import { assessmentHref } from '../assessment/paths.js';
import { AppLink } from '../components/AppLink.js';
import { LoadError } from '../components/LoadError.js';
import { Loading } from '../components/Loading.js';
import { PageTitle } from '../components/PageTitle.js';
import { footageHref } from '../footage/paths.js';
import { rightsHref } from '../rights/paths.js';
import { useLoad } from '../hooks.js';
import { formatDate, formatDateTime, roleName, useI18n, type Dictionary } from '../i18n/index.js';
import { useRegistry, type Registry } from '../registry.js';
import { useSession } from '../session.js';

type Kind = TodoItem['kind'];
/** The order of the groups: a resident's legal deadline first, then decisions, then what others wait for, then dates. */
const KINDS: readonly Kind[] = [
  'answer-request',
  'decide',
  'advise',
  'approve-viewing',
  'report',
  'review',
  'expires',
  'hold-lapses',
  'answer-complaint',
];

/** Where to act on an item. */
export const todoHref = (i: TodoItem): string => {
  switch (i.kind) {
    case 'decide':
    case 'advise':
    case 'review':
    case 'expires':
      return assessmentHref({ kind: 'detail', id: i.id });
    case 'report':
      return `/incidents/report?incident=${encodeURIComponent(i.id)}`;
    case 'approve-viewing':
      return footageHref({ kind: 'request', id: i.id });
    case 'hold-lapses':
      return i.incidentId ? `/incidents/${encodeURIComponent(i.incidentId)}` : footageHref({ kind: 'list' });
    case 'answer-complaint':
      return `/complaints/${encodeURIComponent(i.id)}`;
    case 'answer-request':
      return rightsHref({ kind: 'request', id: i.id });
  }
};

/** The item as a sentence: the link says what to do, the rest says why now. */
const sentence = (
  t: Dictionary,
  lang: 'nl' | 'en',
  reg: Registry,
  i: TodoItem,
): { link: string; rest: string } => {
  const title = i.title ?? '';
  const room = i.roomId ? reg.roomLabel(i.roomId) : '';
  const date = formatDate(lang, i.at);
  const when = formatDateTime(lang, i.at);
  const d = t.todo;
  switch (i.kind) {
    case 'decide':
      return { link: d.decide.link(title), rest: d.decide.rest(date) };
    case 'advise':
      return { link: d.advise.link(title), rest: d.advise.rest(date) };
    case 'review':
      return { link: d.review.link(title), rest: d.review.rest(date, i.overdue) };
    case 'expires':
      return { link: d.expires.link(title), rest: d.expires.rest(date) };
    case 'report':
      return { link: d.report.link(room), rest: d.report.rest(when) };
    case 'approve-viewing':
      return { link: d['approve-viewing'].link(i.person ?? ''), rest: d['approve-viewing'].rest(room, when) };
    case 'hold-lapses':
      return { link: d['hold-lapses'].link(room), rest: d['hold-lapses'].rest(date) };
    case 'answer-complaint':
      return { link: d['answer-complaint'].link(title), rest: d['answer-complaint'].rest(date, i.overdue) };
    case 'answer-request':
      return { link: d['answer-request'].link(room), rest: d['answer-request'].rest(date, i.overdue) };
  }
};

const TodoGroup = ({ kind, items }: { readonly kind: Kind; readonly items: readonly TodoItem[] }) => {
  const { t, lang } = useI18n();
  const reg = useRegistry();
  const id = `todo-${kind}`;
  return (
    <section aria-labelledby={id} className="pp-todo-group">
      <Heading3 id={id}>{t.todo.groups[kind](items.length)}</Heading3>
      <UnorderedList className="pp-todo-list">
        {items.map((i) => {
          const s = sentence(t, lang, reg.registry, i);
          return (
            <UnorderedListItem key={`${i.kind}-${i.id}`}>
              <AppLink href={todoHref(i)}>{s.link}</AppLink>
              {': '}
              {s.rest}
            </UnorderedListItem>
          );
        })}
      </UnorderedList>
    </section>
  );
};

export const StartPage = () => {
  const { t } = useI18n();
  const { me, can } = useSession();
  const todo = useLoad(() => api.get<{ items: readonly TodoItem[] }>('/api/me/todo'), []);
  const items = todo.data?.items ?? [];
  const frontDesk = me.user.roles.includes('front-desk') && can('alarms:raise');
  return (
    <>
      <PageTitle>{t.start.welcome(me.user.displayName)}</PageTitle>
      <Paragraph>
        {t.todo.loggedInAs(me.user.displayName, me.user.roles.map((r) => roleName(t, r)).join(', '))}
      </Paragraph>
      {frontDesk ? (
        <section aria-labelledby="start-alarm" className="pp-start-alarm">
          <Heading2 id="start-alarm">{t.todo.alarm}</Heading2>
          <Paragraph>{t.todo.alarmHint}</Paragraph>
          <AppLink href="/alarm" className="pp-start-alarm__link">
            {t.todo.alarmLink}
          </AppLink>
        </section>
      ) : null}
      <section aria-labelledby="start-todo">
        <Heading2 id="start-todo">{t.todo.heading}</Heading2>
        {todo.loading && !todo.data ? <Loading /> : null}
        {todo.error ? <LoadError error={todo.error} /> : null}
        {todo.data && items.length === 0 ? (
          <div className="pp-todo-empty">
            <Paragraph className="pp-todo-empty__title">{t.todo.nothing}</Paragraph>
            <Paragraph>{t.todo.nothingBody}</Paragraph>
          </div>
        ) : null}
        {items.length > 0 ? <Paragraph>{t.todo.summary(items.length)}</Paragraph> : null}
        {KINDS.map((kind) => {
          const group = items.filter((i) => i.kind === kind);
          return group.length > 0 ? <TodoGroup key={kind} kind={kind} items={group} /> : null;
        })}
      </section>
    </>
  );
};
