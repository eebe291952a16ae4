/** How a complaint reads on the screens: its site and where it stands against its deadline. */
import type { Complaint } from '../api-types.js';
import type { Dictionary } from '../i18n/index.js';
import type { Registry } from '../registry.js';

/** The site's name, or "whole organisation" for one without a site. */
export const siteOf = (t: Dictionary, reg: Registry, c: Pick<Complaint, 'siteId'>): string =>
  c.siteId === null ? t.complaints.wholeOrganisation : reg.siteName(c.siteId);

export const deadlineText = (t: Dictionary, d: Complaint['deadline']): string =>
  d.status === 'answered'
    ? d.onTime === false
      ? t.complaints.answeredLate
      : t.complaints.answeredOnTime
    : (t.complaints.deadlineStates[d.status] ?? d.status);
