/**
 * The form's moments are entered in Dutch time (Europe/Amsterdam), whatever the browser's zone:
 * a date-time field holds "YYYY-MM-DDTHH:mm" in that zone, the API takes an ISO instant.
 */
import { TIME_ZONE } from '../i18n/index.js';

const parts = (ms: number) => {
  const p = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(ms));
  const g = (type: string) => p.find((x) => x.type === type)?.value ?? '00';
  return { y: g('year'), m: g('month'), d: g('day'), h: g('hour'), min: g('minute') };
};

/** "YYYY-MM-DDTHH:mm" in Amsterdam for an instant. */
export const amsterdamLocal = (ms: number): string => {
  const x = parts(ms);
  return `${x.y}-${x.m}-${x.d}T${x.h}:${x.min}`;
};

/** The instant (ISO, UTC) of a "YYYY-MM-DDTHH:mm" in Amsterdam, or '' when it is not one. */
export const amsterdamIso = (local: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return '';
  const wall = Date.parse(`${local}:00Z`);
  if (Number.isNaN(wall)) return '';
  const offset = (ms: number) => {
    const x = parts(ms);
    return Date.UTC(+x.y, +x.m - 1, +x.d, +x.h, +x.min) - ms;
  };
  // Two rounds settle the offset across a change between winter and summer time.
  const first = wall - offset(wall);
  return new Date(wall - offset(first)).toISOString();
};
