/**
 * Assessments, one screen per address: the list (/assessments), the wizard for a new one
 * (/assessments/new, one address per step: /assessments/new/purpose) or a changed input
 * (/assessments/:id/edit/…), one assessment's workflow (/assessments/:id) and one version of it
 * with its reports (/assessments/:id/versions/:version). The screens live in web/src/assessment/.
 */
import { AssessmentDetail } from '../assessment/AssessmentDetail.js';
import { AssessmentList } from '../assessment/AssessmentList.js';
import { AssessmentVersionPage } from '../assessment/AssessmentVersionPage.js';
import { EditAssessment } from '../assessment/EditAssessment.js';
import { NewAssessment } from '../assessment/NewAssessment.js';
import type { AssessmentScreen } from '../assessment/paths.js';

export const AssessmentsPage = ({ screen }: { readonly screen: AssessmentScreen }) => {
  switch (screen.kind) {
    case 'list':
      return <AssessmentList />;
    case 'new':
      return <NewAssessment step={screen.step} />;
    case 'detail':
      return <AssessmentDetail id={screen.id} />;
    case 'edit':
      return <EditAssessment id={screen.id} step={screen.step} />;
    case 'version':
      return <AssessmentVersionPage id={screen.id} version={screen.version} />;
  }
};
