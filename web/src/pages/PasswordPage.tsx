import { Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { PasswordRule } from '../../../src/core/registry/validate.js';
import { api, ApiError, type PasswordPolicy, type User } from '../api.js';
import { FormSection } from '../components/FormSection.js';
import { Notice } from '../components/Notice.js';
import { PageTitle } from '../components/PageTitle.js';
import { TextField } from '../components/TextField.js';
import { requireFields, useFormState, useLoad, type FormErrors } from '../hooks.js';
import type { Dictionary } from '../i18n/nl.js';
import { useI18n } from '../i18n/index.js';
import { useSession } from '../session.js';

/**
 * The rules a password breaks under the server's policy (GET /api/auth/password-policy), as the
 * server's passwordProblems() in src/core/registry/validate.ts decides them: shown while typing so
 * nobody has to fail first to learn them. The server still decides.
 */
export const brokenRules = (value: string, username: string, p: PasswordPolicy): PasswordRule[] => {
  const out: PasswordRule[] = [];
  if (value.length < p.minLength) out.push('min-length');
  if (value.length > p.maxLength) out.push('max-length');
  if (username !== '' && value.toLowerCase().includes(username.toLowerCase())) out.push('contains-username');
  if (new Set(value).size < p.minDistinct) out.push('too-repetitive');
  return out;
};

const ruleError = (t: Dictionary, rule: PasswordRule, p: PasswordPolicy): string => {
  const e = t.password.errors;
  switch (rule) {
    case 'min-length':
      return e['min-length'](p.minLength);
    case 'max-length':
      return e['max-length'](p.maxLength);
    case 'contains-username':
      return e['contains-username'];
    case 'too-repetitive':
      return e.repetitive(p.minDistinct);
  }
};

/** The three lines the page shows, each with the rules it stands for. */
const RULE_LINES = [
  { key: 'length', rules: ['min-length', 'max-length'] },
  { key: 'username', rules: ['contains-username'] },
  { key: 'distinct', rules: ['too-repetitive'] },
] as const satisfies readonly { key: string; rules: readonly PasswordRule[] }[];

const RuleList = ({
  policy,
  broken,
  typed,
}: {
  readonly policy: PasswordPolicy;
  readonly broken: readonly PasswordRule[];
  readonly typed: boolean;
}) => {
  const { t } = useI18n();
  const r = t.password.rules;
  const text = {
    length: r.length(policy.minLength, policy.maxLength),
    username: r.username,
    distinct: r.distinct(policy.minDistinct),
  };
  return (
    <>
      {t.password.rulesTitle}
      <UnorderedList className="pp-rules">
        {RULE_LINES.map((line) => {
          const met = !line.rules.some((x) => broken.includes(x));
          return (
            <UnorderedListItem
              key={line.key}
              className={typed ? (met ? 'pp-rule pp-rule--met' : 'pp-rule pp-rule--open') : 'pp-rule'}
            >
              {text[line.key]}
              {typed ? ` (${met ? t.password.ruleMet : t.password.ruleOpen})` : ''}
            </UnorderedListItem>
          );
        })}
      </UnorderedList>
    </>
  );
};

export const PasswordPage = () => {
  const { t } = useI18n();
  const { me } = useSession();
  const username = me.user.username;
  const policy = useLoad(() => api.get<PasswordPolicy>('/api/auth/password-policy'), []).data;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [notice, setNotice] = useState<string | undefined>(undefined);
  // The server names the broken rule and the policy's numbers; the words are the screen's.
  const refusal = (tt: Dictionary, e: unknown): FormErrors | undefined => {
    if (!(e instanceof ApiError)) return undefined;
    const d = e.problem.details as { rule?: PasswordRule } & Partial<PasswordPolicy>;
    if (e.problem.code === 'AUTH.WEAK_PASSWORD' && d?.rule && d.minLength && d.maxLength && d.minDistinct)
      return {
        summary: undefined,
        fields: { 'pw-new': ruleError(tt, d.rule, d as PasswordPolicy) },
      };
    if (e.problem.code === 'AUTH.INVALID_CREDENTIALS')
      return { summary: undefined, fields: { 'pw-current': tt.password.wrongCurrent } };
    return undefined;
  };
  const form = useFormState(
    { currentPassword: 'pw-current', newPassword: 'pw-new' },
    {
      'pw-current': t.password.current,
      'pw-new': t.password.new,
      'pw-repeat': t.password.repeat,
    },
    refusal,
  );
  const broken = policy ? brokenRules(next, username, policy) : [];
  const openLines = RULE_LINES.filter((l) => l.rules.some((x) => broken.includes(x))).length;
  const save = () => {
    setNotice(undefined);
    const missing = requireFields(t, { 'pw-current': current, 'pw-new': next, 'pw-repeat': repeat });
    const fields: Record<string, string> = { ...missing.fields };
    const first = broken[0];
    if (!fields['pw-new'] && policy && first) fields['pw-new'] = ruleError(t, first, policy);
    if (!fields['pw-new'] && !fields['pw-repeat'] && next !== repeat)
      fields['pw-repeat'] = t.password.mismatch;
    void form
      .submit({ summary: undefined, fields }, async () => {
        await api.post<User>('/api/auth/password', { currentPassword: current, newPassword: next });
      })
      .then((ok) => {
        if (!ok) return;
        setCurrent('');
        setNext('');
        setRepeat('');
        setNotice(t.password.changed);
      });
  };
  return (
    <>
      <PageTitle>{t.password.title}</PageTitle>
      <Paragraph>{t.password.intro}</Paragraph>
      <Notice text={notice} />
      <FormSection title={t.password.title} form={form} onSubmit={save} submitLabel={t.password.submit}>
        <TextField
          id="pw-current"
          label={t.password.current}
          type="password"
          value={current}
          onChange={setCurrent}
          autoComplete="current-password"
          required
          error={form.errors.fields['pw-current']}
        />
        <TextField
          id="pw-new"
          label={t.password.new}
          description={policy ? <RuleList policy={policy} broken={broken} typed={next !== ''} /> : undefined}
          type="password"
          value={next}
          onChange={setNext}
          autoComplete="new-password"
          required
          error={form.errors.fields['pw-new']}
        />
        {/* Polite, and it changes only when a rule flips, not on every key. */}
        <div role="status" aria-live="polite" className="pp-rules-progress">
          {policy && next !== '' ? <Paragraph>{t.password.progress(openLines)}</Paragraph> : null}
        </div>
        <TextField
          id="pw-repeat"
          label={t.password.repeat}
          type="password"
          value={repeat}
          onChange={setRepeat}
          autoComplete="new-password"
          required
          error={form.errors.fields['pw-repeat']}
        />
      </FormSection>
    </>
  );
};
