/**
 * Recorder agents (issue 13 §2, ADR 0015, docs/agents.md): the agents that record at sites whose
 * cameras the server cannot reach, with their state, what each last reported, when it was last
 * heard from and its lag. Administrators (`cameras:write`) register an agent for a site — its
 * one-time enrolment code is shown once, with the command to run at the site — and revoke one
 * after a confirmation that says what happens to the site's cameras. Refreshed every 10 s (an
 * agent reports every 5 s).
 */
import {
  Alert,
  Button,
  ButtonGroup,
  CodeBlock,
  Heading2,
  Paragraph,
  StatusBadge,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { api, type Agent, type CreatedAgent, type Site } from '../api.js';
import { FormSection } from '../components/FormSection.js';
import { ResourcePage, ResourceTable, useEditor } from '../components/ResourcePage.js';
import { SelectField } from '../components/SelectField.js';
import { TextField } from '../components/TextField.js';
import { NO_ERRORS, requireFields, useFormState, useLoad } from '../hooks.js';
import { formatAgo, formatDateTime, useI18n } from '../i18n/index.js';
import { useSession } from '../session.js';

const REFRESH_MS = 10_000;

/** A lag above this many seconds is marked as high (the agent reports every 5 s). */
export const HIGH_LAG_SECONDS = 60;

/** Where the agent keeps its state at the site (docs/agents.md uses this folder). */
const STATE_DIR = '/var/lib/proportio-agent';

/**
 * The commands to run at the site (a shell there): enrol with the code, then start the agent. One
 * option a line, continued with a backslash, so they read on a phone and paste as they are.
 */
export const enrolCommands = (server: string, code: string): string =>
  [
    'proportio agent enrol \\',
    `  --server ${server} \\`,
    `  --code ${code} \\`,
    `  --state ${STATE_DIR}`,
    `proportio agent run --state ${STATE_DIR}`,
  ].join('\n');

const BADGE: Readonly<Record<Agent['state'], string>> = {
  'awaiting-enrolment': 'neutral',
  'code-expired': 'warning',
  enrolled: 'safe',
  revoked: 'neutral',
};

interface AgentFormProps {
  readonly sites: readonly Site[];
  readonly onDone: (created: CreatedAgent) => void;
  readonly onCancel: () => void;
}

const AgentForm = ({ sites, onDone, onCancel }: AgentFormProps) => {
  const { t } = useI18n();
  const a = t.agents;
  const [siteId, setSiteId] = useState(sites.length === 1 ? sites[0]!.id : '');
  const [name, setName] = useState('');
  const form = useFormState(
    { siteId: 'agent-site', name: 'agent-name' },
    { 'agent-site': a.site, 'agent-name': a.name },
  );
  const save = () => {
    let created: CreatedAgent | undefined;
    void form
      .submit(
        requireFields(t, { 'agent-site': siteId, 'agent-name': name }, { 'agent-site': t.choose.site }),
        async () => {
          created = await api.post<CreatedAgent>('/api/agents', { siteId, name: name.trim() });
        },
      )
      .then((ok) => ok && created && onDone(created));
  };
  return (
    <FormSection title={a.formTitle} form={form} onSubmit={save} onCancel={onCancel} submitLabel={a.submit}>
      <SelectField
        id="agent-site"
        label={a.site}
        description={a.siteHint}
        value={siteId}
        onChange={setSiteId}
        placeholder={t.choose.placeholder}
        options={sites.map((s) => ({ value: s.id, label: s.name }))}
        error={form.errors.fields['agent-site']}
      />
      <TextField
        id="agent-name"
        label={a.name}
        description={a.nameHint}
        value={name}
        onChange={setName}
        required
        maxLength={100}
        autoComplete="off"
        error={form.errors.fields['agent-name']}
      />
    </FormSection>
  );
};

/**
 * The one-time code, right after registering: shown here once and never again (the server keeps
 * only its hash), with the commands to run at the site. Focus moves to its heading.
 */
const CreatedCode = ({
  created,
  siteName,
  onDismiss,
}: {
  readonly created: CreatedAgent;
  readonly siteName: string;
  readonly onDismiss: () => void;
}) => {
  const { t, lang } = useI18n();
  const a = t.agents;
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<string | undefined>(undefined);
  useEffect(() => heading.current?.focus(), []);
  const commands = enrolCommands(window.location.origin, created.code);
  const copy = () => {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    if (!clipboard) {
      setCopied(a.copyFailed);
      return;
    }
    clipboard.writeText(commands).then(
      () => setCopied(a.copied),
      () => setCopied(a.copyFailed),
    );
  };
  return (
    <section aria-labelledby="agent-code-title" className="pp-form-section">
      <Alert type="warning" role="presentation">
        <Heading2 id="agent-code-title" ref={heading} tabIndex={-1}>
          {a.createdTitle(created.agent.name)}
        </Heading2>
        <Paragraph>
          <strong>{a.createdOnce}</strong>
        </Paragraph>
        <Paragraph>
          {a.code}: <code className="pp-code pp-enrol-code">{created.code}</code>
        </Paragraph>
        {created.agent.codeExpiresAt ? (
          <Paragraph>{a.validity(formatDateTime(lang, created.agent.codeExpiresAt))}</Paragraph>
        ) : null}
        <Paragraph>{a.commandIntro(siteName)}</Paragraph>
        <CodeBlock className="pp-command">{commands}</CodeBlock>
        <Paragraph>{a.serverHint}</Paragraph>
        <ButtonGroup>
          <Button appearance="secondary-action-button" onClick={copy}>
            {a.copy}
          </Button>
          <Button appearance="primary-action-button" onClick={onDismiss}>
            {a.dismiss}
          </Button>
        </ButtonGroup>
        <div role="status" aria-live="polite">
          {copied ? <Paragraph>{copied}</Paragraph> : null}
        </div>
      </Alert>
    </section>
  );
};

interface ConfirmRevokeProps {
  readonly agent: Agent;
  readonly siteName: string;
  /** Another agent enrolled at the same site keeps its cameras. */
  readonly otherEnrolled: boolean;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

/** What revoking does, said before anything is sent: the agent stops, the site's cameras go back. */
const ConfirmRevoke = ({ agent, siteName, otherEnrolled, onDone, onCancel }: ConfirmRevokeProps) => {
  const { t } = useI18n();
  const a = t.agents;
  const form = useFormState({}, {});
  const queued = agent.report?.queuedParts ?? 0;
  const confirm = () =>
    void form
      .submit(NO_ERRORS, async () => {
        await api.post<Agent>(`/api/agents/${encodeURIComponent(agent.id)}/revoke`);
      })
      .then((ok) => ok && onDone());
  return (
    <FormSection
      title={a.confirmTitle(agent.name)}
      form={form}
      onSubmit={confirm}
      onCancel={onCancel}
      submitLabel={a.revoke}
    >
      {agent.state === 'enrolled' ? (
        <>
          <Paragraph>{a.confirmStops}</Paragraph>
          <Paragraph>{otherEnrolled ? a.confirmOtherAgent(siteName) : a.confirmCameras(siteName)}</Paragraph>
          {queued > 0 ? <Paragraph>{a.confirmQueued(queued)}</Paragraph> : null}
        </>
      ) : (
        <Paragraph>{a.confirmNotEnrolled}</Paragraph>
      )}
      <Paragraph>{a.confirmFinal}</Paragraph>
    </FormSection>
  );
};

/** Revoked agents last; otherwise as the server lists them. */
const ordered = (agents: readonly Agent[]): Agent[] =>
  [...agents].sort((x, y) => Number(x.state === 'revoked') - Number(y.state === 'revoked'));

export const AgentsPage = () => {
  const { t, lang } = useI18n();
  const a = t.agents;
  const { can } = useSession();
  const writable = can('cameras:write');
  const data = useLoad(
    () => Promise.all([api.get<Agent[]>('/api/agents'), api.get<Site[]>('/api/sites')]),
    [],
  );
  const { reload } = data;
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const editor = useEditor<'new' | Agent>(reload);
  const { editing } = editor;
  const [created, setCreated] = useState<CreatedAgent | undefined>(undefined);
  const [agents, sites] = data.data ?? [[], []];
  const siteName = (id: string) => sites.find((s) => s.id === id)?.name ?? id;
  const loaded = data.data !== undefined;
  // While the code is on screen, nothing else opens: it is shown once and must not vanish by accident.
  const canAdd = writable && loaded && editing === null && created === undefined;

  const state = (x: Agent) => (
    <>
      <StatusBadge status={BADGE[x.state]}>{a.states[x.state]}</StatusBadge>
      <div>
        {x.state === 'awaiting-enrolment' && x.codeExpiresAt
          ? a.codeValidUntil(formatDateTime(lang, x.codeExpiresAt))
          : x.state === 'code-expired'
            ? a.codeExpired
            : x.state === 'revoked'
              ? x.revokedAt
                ? a.revokedAt(formatDateTime(lang, x.revokedAt))
                : null
              : x.report
                ? a.lastReport(a.reported[x.report.state])
                : a.noReport}
      </div>
    </>
  );
  const contact = (x: Agent) =>
    x.lastSeenAt ? (
      <time dateTime={x.lastSeenAt}>
        {a.contact(formatAgo(lang, x.lastSeenAt), formatDateTime(lang, x.lastSeenAt))}
      </time>
    ) : (
      a.never
    );
  // A revoked agent's lag only grows: it says nothing any more.
  const lag = (x: Agent) =>
    x.lagSeconds === null || x.state === 'revoked' ? (
      a.none
    ) : x.lagSeconds > HIGH_LAG_SECONDS ? (
      <>
        {a.lagValue(x.lagSeconds)} <StatusBadge status="warning">{a.lagHigh}</StatusBadge>
      </>
    ) : (
      a.lagValue(x.lagSeconds)
    );
  const reported = (f: (r: NonNullable<Agent['report']>) => string | number) => (x: Agent) =>
    x.report ? String(f(x.report)) : a.none;

  const form =
    writable && editing === 'new' ? (
      <AgentForm
        sites={sites}
        onDone={(c) => {
          editor.close();
          setCreated(c);
          reload();
        }}
        onCancel={editor.close}
      />
    ) : writable && editing !== null && editing !== 'new' ? (
      <ConfirmRevoke
        key={editing.id}
        agent={editing}
        siteName={siteName(editing.siteId)}
        otherEnrolled={agents.some(
          (o) => o.id !== editing.id && o.siteId === editing.siteId && o.state === 'enrolled',
        )}
        {...editor.formProps(a.revoked(editing.name))}
      />
    ) : null;

  return (
    <ResourcePage
      title={a.title}
      intro={writable ? a.intro : a.introReadOnly}
      aside={
        created ? (
          <CreatedCode
            created={created}
            siteName={siteName(created.agent.siteId)}
            onDismiss={() => setCreated(undefined)}
          />
        ) : undefined
      }
      load={data}
      notice={editor.notice}
      add={canAdd && sites.length > 0 ? { label: a.add, onClick: () => editor.open('new') } : undefined}
      addBlocked={canAdd && sites.length === 0 ? a.noSites : undefined}
      form={form}
    >
      {!loaded ? null : agents.length === 0 ? (
        <section aria-labelledby="agents-what" className="pp-prose">
          <Paragraph>{a.empty}</Paragraph>
          <Heading2 id="agents-what">{a.whatTitle}</Heading2>
          <Paragraph>{a.what}</Paragraph>
          <Paragraph>{a.when}</Paragraph>
          <Paragraph>{a.docs}</Paragraph>
        </section>
      ) : (
        <>
          <ResourceTable
            stackOnPhone
            caption={a.caption}
            rows={ordered(agents)}
            rowKey={(x) => x.id}
            rowHeader={{ header: a.name, cell: (x) => x.name }}
            columns={[
              { header: a.site, cell: (x) => siteName(x.siteId) },
              { header: a.state, cell: state },
              { header: a.lastContact, cell: contact },
              { header: a.lag, cell: lag },
              { header: a.armedCameras, cell: reported((r) => r.armedCameras) },
              { header: a.queuedParts, cell: reported((r) => r.queuedParts) },
              { header: a.restarts, cell: reported((r) => r.restarts) },
              { header: a.version, cell: reported((r) => r.version) },
            ]}
            actions={
              writable
                ? (x) =>
                    x.state === 'revoked' ? null : (
                      <Button
                        appearance="subtle-button"
                        aria-label={a.revokeItem(x.name)}
                        onClick={() => editor.open(x)}
                      >
                        {a.revoke}
                      </Button>
                    )
                : undefined
            }
          />
          <div className="pp-prose">
            <Paragraph>{a.lagExplain}</Paragraph>
            <Paragraph>{a.docs}</Paragraph>
          </div>
        </>
      )}
    </ResourcePage>
  );
};
