/** The DPIA report as one self-contained, accessible HTML document (Dutch or English). */
import type { ReportModel } from '../../core/assessment/report-model.js';
import type { Lang } from '../../core/assessment/text.js';
import { buildDpiaDocument, type DpiaReportOptions } from './dpia-document.js';
import { renderHtml } from './html-document.js';

export const renderHtmlReport = (model: ReportModel, lang: Lang, options: DpiaReportOptions = {}): string =>
  renderHtml(buildDpiaDocument(model, lang, options));
