/** How a complaint reads on the screens: its site and where it stands against its deadline. */
import type { Complaint } from '../api-types.js';
import type { Dictionary } from '../i18n/index.js';
import type { Registry } from '../registry.js';
import { deadlineText as registerDeadlineText, type DeadlineView } from '../registers/filter.js';

/** The site's name, or "whole organisation" for one without a site. */
export const siteOf = (t: Dictionary, reg: Registry, c: Pick<Complaint, 'siteId'>): string =>
  c.siteId === null ? t.complaints.wholeOrganisation : reg.siteName(c.siteId);

/** Where it stands against its deadline, in words (registers/filter.ts). */
export const deadlineText = (t: Dictionary, d: DeadlineView): string => registerDeadlineText(t.complaints, d);
