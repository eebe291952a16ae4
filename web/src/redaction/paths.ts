/** The address of the DPO's review of a redacted copy (issue 12 §2); the request pages link here. */
export const REDACTION_PATTERN = '/rights/requests/:id/redaction/:clipId';

export const redactionHref = (requestId: string, clipId: string): string =>
  `/rights/requests/${encodeURIComponent(requestId)}/redaction/${encodeURIComponent(clipId)}`;

/** The API of the job behind the page. */
export const jobApi = (requestId: string, clipId: string): string =>
  `/api/rights/requests/${encodeURIComponent(requestId)}/redactions/${encodeURIComponent(clipId)}`;
