/**
 * Ports of the register of complaints and regulator inquiries (issue 12 §3). The repositories join
 * the foundation's, so a step, its timeline entry and its audit entry commit together.
 */
import type { Complaint, ComplaintLink, ComplaintStatus } from '../core/complaints/complaint.js';
import type { Repositories, UnitOfWork } from './ports.js';

export interface ComplaintEvent {
  readonly id: string;
  readonly complaintId: string;
  readonly at: string;
  readonly by: string;
  /** A step (received, started, extended, answered, closed, linked, unlinked, contact-erased) or a hand-written entry (note, action-taken, letter-sent, …). */
  readonly action: string;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface StoredLink extends ComplaintLink {
  readonly complaintId: string;
  readonly linkedBy: string;
  readonly linkedAt: string;
}

export interface ComplaintFilter {
  readonly status?: readonly ComplaintStatus[];
  readonly kind?: string;
  readonly source?: string;
  /** Only complaints of these sites (absent: every site); `orgWide` adds those of no site. */
  readonly siteIds?: readonly string[];
  readonly orgWide?: boolean;
  /** Received on or after / on or before these days. */
  readonly receivedFrom?: string;
  readonly receivedTo?: string;
  readonly limit?: number;
}

export interface ComplaintRepository {
  insert(c: Complaint): Promise<void>;
  update(c: Complaint): Promise<void>;
  get(id: string): Promise<Complaint | undefined>;
  list(filter: ComplaintFilter): Promise<Complaint[]>;
  /** Closed before `closedBefore`, contact details not erased yet. */
  contactsDue(closedBefore: string, limit: number): Promise<Complaint[]>;
  addEvent(e: ComplaintEvent): Promise<void>;
  events(complaintId: string): Promise<ComplaintEvent[]>;
  addLink(l: StoredLink): Promise<void>;
  removeLink(complaintId: string, l: ComplaintLink): Promise<void>;
  links(complaintId: string): Promise<StoredLink[]>;
  /** What a link may point to: an assessment (organisation-wide) and a resident's request (with its site). */
  assessment(id: string): Promise<{ readonly id: string; readonly title: string } | undefined>;
  request(id: string): Promise<{ readonly id: string; readonly siteId: string } | undefined>;
}

export interface ComplaintRepositories extends Repositories {
  readonly complaints: ComplaintRepository;
}

export type ComplaintStore = UnitOfWork<ComplaintRepositories>;
