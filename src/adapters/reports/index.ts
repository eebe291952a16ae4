/** Report adapters: the DPIA report (Markdown, HTML, tagged PDF), the Art. 30 register entry and the transparency texts. */
export { renderHtmlReport } from './html-report.js';
export { renderPdfReport } from './pdf-report.js';
export { buildDpiaDocument, type DpiaReportOptions } from './dpia-document.js';
export {
  renderMarkdownReport,
  renderWorkflowMarkdown,
  reportWorkflow,
  type ReportWorkflow,
} from './workflow.js';
export {
  buildRopaEntry,
  renderRopaHtml,
  renderRopaPdf,
  ropaDocument,
  type Organisation,
  type RopaApproval,
  type RopaEntry,
  type RopaInput,
} from './ropa.js';
export {
  buildTransparencyTexts,
  renderSignHtml,
  renderSignPdf,
  type TransparencyInput,
  type TransparencyTexts,
} from './transparency.js';
export { renderSitePrivacyHtml, renderSitePrivacyNotFound, type SitePrivacyInput } from './site-privacy.js';
export type { RenderDocument } from './document.js';
