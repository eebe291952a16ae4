import { Heading2, Paragraph } from '@utrecht/component-library-react';
import type { AssessmentVersion } from '../api.js';
import { LinkList, type ListedLink } from '../components/LinkList.js';
import { useI18n } from '../i18n/index.js';

/**
 * The report of one version (the latest unless named) (HTML to read, tagged PDF to file, Markdown to edit), in Dutch
 * and English, and the register entry (GDPR Art. 30) once a version is approved — of that
 * version, so a newer draft does not hide it. Link texts are in the document's language.
 */
export const Documents = ({
  id,
  versions,
  version,
}: {
  readonly id: string;
  readonly versions: readonly AssessmentVersion[];
  /** The version whose report is linked (default: the latest). */
  readonly version?: number;
}) => {
  const { t } = useI18n();
  const latest = versions.find((v) => v.version === version) ?? versions[versions.length - 1];
  const approved = [...versions].reverse().find((v) => v.status === 'approved');
  if (!latest) return null;
  const report = (ext: 'html' | 'pdf' | 'md', lang: 'nl' | 'en') =>
    `/api/assessments/${id}/report.${ext}?lang=${lang}&version=${latest.version}`;
  const links: readonly ListedLink[] = [
    { href: report('html', 'nl'), text: t.workflow.reportHtmlNl, lang: 'nl' },
    { href: report('pdf', 'nl'), text: t.workflow.reportPdfNl, lang: 'nl' },
    { href: report('md', 'nl'), text: t.workflow.reportNl, lang: 'nl', download: `dpia-${id}-nl.md` },
    { href: report('html', 'en'), text: t.workflow.reportHtmlEn, lang: 'en' },
    { href: report('pdf', 'en'), text: t.workflow.reportPdfEn, lang: 'en' },
    { href: report('md', 'en'), text: t.workflow.reportEn, lang: 'en', download: `dpia-${id}-en.md` },
  ];
  return (
    <section aria-labelledby="wf-documents">
      <Heading2 id="wf-documents">{t.workflow.documents}</Heading2>
      <LinkList links={links} />
      {approved ? (
        <>
          <Paragraph>{t.workflow.ropaIntro(approved.version)}</Paragraph>
          <LinkList
            links={[
              {
                href: `/api/assessments/${id}/ropa.pdf?version=${approved.version}`,
                text: t.workflow.ropaPdf,
              },
              {
                href: `/api/assessments/${id}/ropa.json?version=${approved.version}`,
                text: t.workflow.ropaJson,
                download: `verwerkingsregister-${id}-v${approved.version}.json`,
              },
            ]}
          />
        </>
      ) : (
        <Paragraph>{t.workflow.ropaNotYet}</Paragraph>
      )}
    </section>
  );
};
