/** Report adapters: the DPIA report (HTML, tagged PDF), the Art. 30 register entry and the transparency texts. */
export { renderHtmlReport } from './html-report.js';
export { renderPdfReport } from './pdf-report.js';
export { buildDpiaDocument, type DpiaReportOptions, type ReportWorkflow } from './dpia-document.js';
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
export type { RenderDocument } from './document.js';
