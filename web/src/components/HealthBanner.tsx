/**
 * The health and suspension banner on every screen: GET /api/health, polled, everything that is
 * not "ok". Known messages (a suspension, a camera outage, the broker) are shown in the user's
 * language; any other message as the server wrote it, after its component's name.
 */
import { Alert, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { api, type HealthItem, type Site } from '../api.js';
import { formatDateTime, useI18n, type Dictionary, type Language } from '../i18n.js';

export const HEALTH_POLL_MS = 15_000;

const SUSPENDED = /^Recording suspended \((whole organisation|site ([^)]*))\) since (\S+): ([\s\S]*)$/;
const CAMERA_DOWN = /^camera (offline|unauthorised|bad-stream|[a-z-]+) since (\S+?)(?:: ([\s\S]*))?$/;

/** One health item as a sentence in the user's language. */
export const healthText = (
  t: Dictionary,
  lang: Language,
  item: HealthItem,
  sites: readonly Site[],
): string => {
  const suspended = SUSPENDED.exec(item.message);
  if (suspended) {
    const siteId = suspended[2];
    const scope =
      siteId === undefined
        ? t.health.wholeOrganisation
        : (sites.find((s) => s.id === siteId)?.name ?? siteId);
    return t.health.suspended(scope, formatDateTime(lang, suspended[3] ?? ''), suspended[4] ?? '');
  }
  if (item.component.startsWith('camera:')) {
    const name = item.component.slice('camera:'.length);
    const down = CAMERA_DOWN.exec(item.message);
    const text = down
      ? t.health.cameraDown(down[1] ?? '', formatDateTime(lang, down[2] ?? ''), down[3] ?? '')
      : item.message;
    return `${t.health.camera(name)}: ${text}`;
  }
  if (item.component === 'mqtt' && /unreachable/.test(item.message)) return t.health.brokerDown;
  const label = t.health.components[item.component] ?? item.component;
  return `${label}: ${item.message}`;
};

export const HealthBanner = () => {
  const { t, lang } = useI18n();
  const [items, setItems] = useState<readonly HealthItem[]>([]);
  const [sites, setSites] = useState<readonly Site[]>([]);

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
    api.get<Site[]>('/api/sites').then(
      (s) => {
        if (live) setSites(s);
      },
      () => undefined,
    );
    const timer = window.setInterval(() => void poll(), HEALTH_POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, []);

  const errors = items.filter((i) => i.status === 'error');
  const warnings = items.filter((i) => i.status !== 'error');
  // A polite live region that is always there: a new outage or suspension is announced without interrupting.
  return (
    <div aria-live="polite" className="pp-health">
      {items.length > 0 ? (
        <section aria-label={t.health.label}>
          {[errors, warnings].map((list, n) =>
            list.length === 0 ? null : (
              <Alert key={n} type={n === 0 ? 'error' : 'warning'} role="presentation">
                {list.length === 1 && list[0] ? (
                  <Paragraph>{healthText(t, lang, list[0], sites)}</Paragraph>
                ) : (
                  <UnorderedList>
                    {list.map((i) => (
                      <UnorderedListItem key={`${i.component}:${i.message}`}>
                        {healthText(t, lang, i, sites)}
                      </UnorderedListItem>
                    ))}
                  </UnorderedList>
                )}
              </Alert>
            ),
          )}
        </section>
      ) : null}
    </div>
  );
};
