/**
 * The web UI's languages: Dutch (default, nl.ts) and English (en.ts, typed against the Dutch
 * table), the context that hands the current one to every component, and the formatters.
 */
import { createContext, useContext } from 'react';
import type { Role } from '../../../src/core/auth/roles.js';
import { formatNumber } from './plural.js';
import { en } from './en.js';
import { nl, type Dictionary } from './nl.js';

export type { Dictionary } from './nl.js';
export type { HealthParams } from './health-params.js';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DICTIONARIES: Record<Language, Dictionary> = { nl, en };

export const isLanguage = (s: unknown): s is Language =>
  typeof s === 'string' && (LANGUAGES as readonly string[]).includes(s);

export interface I18n {
  readonly lang: Language;
  readonly t: Dictionary;
  readonly setLang: (lang: Language) => void;
}

export const I18nContext = createContext<I18n>({ lang: 'nl', t: nl, setLang: () => undefined });

export const useI18n = (): I18n => useContext(I18nContext);

/** A role code from the API in the current language; unknown codes are shown as they are. */
export const roleName = (t: Dictionary, role: string): string =>
  role in t.roles ? t.roles[role as Role].name : role;

/**
 * Every moment is shown in the municipality's time zone, whatever the browser's: a UTC laptop or a
 * phone abroad must not move an alarm an hour or a date a day.
 */
export const TIME_ZONE = 'Europe/Amsterdam';

const locale = (lang: Language): string => (lang === 'nl' ? 'nl-NL' : 'en-GB');

export const formatTime = (lang: Language, iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleTimeString(locale(lang), {
        timeZone: TIME_ZONE,
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
};

/** The counted-word and number helpers of core, so the web and the reports write them the same way. */
export { count, formatNumber, plural } from './plural.js';

/**
 * A duration in milliseconds as "1 min 05 s", "42 s", or under ten seconds with one decimal in the
 * language's notation ("3,2 s" in Dutch, "3.2 s" in English): an alarm answered in seconds.
 */
export const formatDuration = (lang: Language, ms: number): string => {
  if (ms < 9_950) return `${formatNumber(lang, ms / 1000)} s`;
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
};

export const formatDateTime = (lang: Language, iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(locale(lang), { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'medium' });
};

/** A day only (a deadline, a review date): no time, so nothing suggests a moment that was never meant. */
export const formatDate = (lang: Language, iso: string): string => {
  // A bare date (YYYY-MM-DD) is a calendar day, not midnight UTC: show it as that day.
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleDateString(locale(lang), {
        timeZone: TIME_ZONE,
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      });
};

/**
 * How long ago a moment was, in words ("3 minuten geleden", "2 hours ago", "nu"), by the browser's
 * clock: seconds under a minute, then minutes, hours and days. A moment ahead of the clock (a
 * server clock a little ahead) reads as now.
 */
export const formatAgo = (lang: Language, iso: string, nowMs: number = Date.now()): string => {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  const seconds = Math.max(0, Math.round((nowMs - then) / 1000));
  const rtf = new Intl.RelativeTimeFormat(locale(lang), { numeric: 'auto' });
  if (seconds < 60) return rtf.format(-seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return rtf.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return rtf.format(-hours, 'hour');
  return rtf.format(-Math.floor(hours / 24), 'day');
};
