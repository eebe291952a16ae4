/** The DPIA report as a tagged A4 PDF (Dutch or English), DejaVu Sans embedded. */
import type { ReportModel } from '../../core/assessment/report-model.js';
import type { Lang } from '../../core/assessment/text.js';
import { buildDpiaDocument, type DpiaReportOptions } from './dpia-document.js';
import { renderPdf } from './pdf-document.js';

export const renderPdfReport = (
  model: ReportModel,
  lang: Lang,
  options: DpiaReportOptions = {},
): Promise<Buffer> => renderPdf(buildDpiaDocument(model, lang, options));
