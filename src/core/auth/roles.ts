/**
 * Roles (DOMAIN.md section 2) and the permissions they grant. Authorisation is declared once per
 * route as a permission; this table is the only place that says which role holds which permission.
 */
export const ROLES = [
  'front-desk',
  'responder',
  'security',
  'dpo',
  'decision-maker',
  'admin',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s);

export const PERMISSIONS = {
  /** See sites, rooms and conversation types (everybody who works with rooms needs this). */
  'registry:read': ['front-desk', 'responder', 'security', 'dpo', 'decision-maker', 'admin', 'auditor'],
  /** Create or change sites, rooms, conversation types and organisation details. */
  'registry:write': ['admin'],
  /** See cameras (name, site, room; never credentials). */
  'cameras:read': ['security', 'dpo', 'admin', 'auditor'],
  'cameras:write': ['admin'],
  'users:read': ['admin', 'auditor'],
  'users:write': ['admin'],
  /** Operator settings stored in the database. */
  'settings:read': ['admin', 'dpo', 'auditor'],
  'settings:write': ['admin'],
  /** Read and verify the audit log. */
  'audit:read': ['dpo', 'auditor', 'admin'],
  /** Incident register (read): evidence for the assessment. */
  'incidents:read': ['security', 'dpo', 'decision-maker', 'auditor', 'admin'],
  /** Raise an alarm (panic view, API, CLI) and see one's own running conversation. */
  'alarms:raise': ['front-desk', 'responder', 'security'],
  /** Receive alarms of one's sites (SSE), acknowledge ("ik kom"), close, see open alarms. */
  'alarms:respond': ['responder', 'security'],
  /** Start and end conversations in interview rooms. */
  'conversations:write': ['front-desk', 'security'],
  /** See the state of rooms (free / in conversation / alarm). */
  'rooms:status': ['front-desk', 'responder', 'security', 'admin'],
  /** Complete incident reports, enter incidents without an alarm. */
  'incidents:report': ['front-desk', 'security'],
  /** See registered MQTT alarm buttons and subscribers (never their tokens). */
  'devices:read': ['security', 'admin', 'auditor'],
  /** Register, change and disable MQTT alarm buttons and subscribers. */
  'devices:write': ['admin'],
  /** See assessments, their versions, findings, comparisons and reports. */
  'assessments:read': ['security', 'dpo', 'decision-maker', 'admin', 'auditor'],
  /** Author assessments: create, change the input (a new version once advised on or decided), record views and judgements, submit. */
  'assessments:write': ['security', 'dpo'],
  /** Record the DPO's advice (GDPR Art. 35(2)). */
  'assessments:advise': ['dpo'],
  /** Approve or reject a submitted assessment (the accountable official; never its author). */
  'assessments:decide': ['decision-maker'],
  /** Withdraw an assessment: whatever it enabled stops at once. The DPO may pull the plug too. */
  'assessments:withdraw': ['decision-maker', 'dpo'],
  /** See the compiled room policy and its history: which rooms may record what (no personal data). */
  'policy:read': ['front-desk', 'responder', 'security', 'dpo', 'decision-maker', 'admin', 'auditor'],
  /** Switch recording off for the running conversation when a resident objects (DOMAIN.md RGT-2). */
  'recording:object': ['front-desk', 'security'],
  /** Suspend recording for a site or the whole organisation, and resume it (both with a reason). */
  'recording:suspend': ['admin', 'dpo'],
  /** Camera health, suspensions and clip metadata (never the footage itself). */
  'recording:read': ['security', 'dpo', 'admin', 'auditor'],
  /**
   * Footage access (issue 10, docs/custody.md). Ask to view or export one clip, with a reason and a
   * legal ground; the request needs K custodians' approval before a single byte is decrypted.
   */
  'footage:request': ['security', 'dpo'],
  /**
   * Confirm or refuse a request with one's own share of the vault key. The route is open to the
   * roles a custodian can have; the service admits only accounts with the custodian flag.
   */
  'footage:approve': ['security', 'dpo', 'decision-maker', 'admin'],
  /**
   * The records around footage, never the footage: requests, approvals, plays, holds, exports,
   * deletion records (the auditor sees all records, no footage).
   */
  'footage:records': ['security', 'dpo', 'decision-maker', 'admin', 'auditor'],
  /** Place, extend and release a legal hold on a clip (e.g. for a police report). */
  'footage:hold': ['security', 'dpo'],
  /** Set the longest a hold may run without a new reason (the DPO's call). */
  'footage:hold-policy': ['dpo'],
  /** Export a clip as signed evidence, under an approved grant that names export. */
  'footage:export': ['security', 'dpo'],
  /**
   * Residents' requests (AVG art. 15, 17, 18, 21; issue 12 §1, docs/rights.md): the register, its
   * deadlines, the footage a request points to, decisions and letters. The privacy officer handles
   * them; the auditor reads them; nobody else (the front desk passes a request on, it does not see the register).
   */
  'rights:read': ['dpo', 'auditor'],
  /** Register a request, link and act on its clips, extend, decide, send and close it (audited). */
  'rights:manage': ['dpo'],
  /**
   * Complaints and regulator inquiries (issue 12 §3, docs/rights.md): the register, its timeline,
   * deadlines and outcomes. The privacy officer keeps it; the auditor reads it; the accountable
   * official (decision-maker) reads it too, because the answer to a complaint and to the
   * Autoriteit Persoonsgegevens goes out on the organisation's behalf and is theirs to sign.
   */
  'complaints:read': ['dpo', 'decision-maker', 'auditor'],
  /** Register a complaint or inquiry, add timeline entries and links, extend, answer, close (audited). */
  'complaints:manage': ['dpo'],
  /**
   * The API-tokens page (web UI): one's own tokens for scripts, the CLI and /metrics. The front desk
   * and responders work in the browser and with alarm buttons, so the page is not offered to them;
   * a kiosk or tablet token for such an account is made by an administrator (`proportio token
   * create --user`). The own-token API stays open to every account, so such a token can still be
   * seen and revoked by its owner.
   */
  'tokens:own': ['security', 'dpo', 'decision-maker', 'admin', 'auditor'],
  /**
   * The regulator dossier (issue 12 §4, docs/dossier.md): every measure, the policy history, footage
   * figures and accesses, residents' requests without names, the register and the audit check.
   */
  'dossier:export': ['dpo', 'auditor'],
  /** Prometheus metrics at /metrics (an API token of an operator account). */
  'metrics:read': ['admin', 'auditor'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const hasPermission = (roles: readonly Role[], permission: Permission): boolean =>
  roles.some((r) => (PERMISSIONS[permission] as readonly Role[]).includes(r));
