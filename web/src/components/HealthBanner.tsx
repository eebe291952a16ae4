/**
 * The health and suspension banner on every screen: GET /api/health, polled, everything that is
 * not "ok". Each item is translated by its stable `code` and `params` (docs/operations.md), so no
 * English wording is matched here; an item with a code this build does not know yet is shown as
 * the server wrote it, after its component's name.
 */
import { Alert, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useContext, useEffect, useState } from 'react';
import { api, type HealthItem } from '../api.js';
import { SessionContext } from '../session.js';
import { formatDateTime, useI18n, type Dictionary, type HealthParams, type Language } from '../i18n/index.js';

export const HEALTH_POLL_MS = 15_000;

const KINDS = ['fault', 'configuration', 'notice'] as const;

/** Parameters that hold a moment are shown in the user's language and time zone. */
const DATE_PARAMS = new Set(['since']);

/**
 * One health item as a sentence in the user's language. `fixer`: the reader can fix the server
 * (settings:write) and reads how; anyone else reads that it is known, without commands.
 */
export const healthText = (t: Dictionary, lang: Language, item: HealthItem, fixer = true): string => {
  const staff = fixer ? undefined : t.health.forStaff[item.code];
  if (staff !== undefined) return staff;
  const translate = t.health.codes[item.code];
  if (translate) {
    const params: HealthParams = Object.fromEntries(
      Object.entries(item.params ?? {}).map(([k, v]) => [
        k,
        DATE_PARAMS.has(k) && typeof v === 'string' ? formatDateTime(lang, v) : v,
      ]),
    );
    return translate(params);
  }
  const label = item.component.startsWith('camera:')
    ? t.health.camera(item.component.slice('camera:'.length))
    : (t.health.components[item.component] ?? item.component);
  return `${label}: ${item.message}`;
};

export const HealthBanner = () => {
  const { t, lang } = useI18n();
  const fixer = useContext(SessionContext)?.can('settings:write') ?? false;
  const [items, setItems] = useState<readonly HealthItem[]>([]);

  useEffect(() => {
    let live = true;
    const poll = () =>
      api.get<{ items: HealthItem[] }>('/api/health').then(
        (h) => {
          if (live) setItems(h.items.filter((i) => i.status !== 'ok'));
        },
        () => undefined,
      );
    void poll();
    const timer = window.setInterval(() => void poll(), HEALTH_POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, []);

  // Faults first, then what was never set up, then deliberate states. Never red: red is an alarm.
  const groups = KINDS.map((kind) => ({ kind, list: items.filter((i) => i.kind === kind) })).filter(
    (g) => g.list.length > 0,
  );
  // A polite live region that is always there: a new outage or suspension is announced without interrupting.
  return (
    <div aria-live="polite" className="pp-health">
      {groups.length > 0 ? (
        <section aria-label={t.health.label}>
          {groups.map(({ kind, list }) => (
            <Alert
              key={kind}
              type={kind === 'fault' ? 'warning' : 'info'}
              role="presentation"
              className={`pp-health-${kind}`}
            >
              <Paragraph>
                <strong>{t.health.kinds[kind]}</strong>
              </Paragraph>
              {list.length === 1 && list[0] ? (
                <Paragraph>{healthText(t, lang, list[0], fixer)}</Paragraph>
              ) : (
                <UnorderedList>
                  {list.map((i) => (
                    <UnorderedListItem key={`${i.component}:${i.code}:${i.message}`}>
                      {healthText(t, lang, i, fixer)}
                    </UnorderedListItem>
                  ))}
                </UnorderedList>
              )}
            </Alert>
          ))}
        </section>
      ) : null}
    </div>
  );
};
