/**
 * Assessments, one screen per address: the list (/assessments), the wizard for a new one
 * (/assessments/new) or a changed input (/assessments/:id/edit), and one assessment's workflow
 * (/assessments/:id). The screens live in web/src/assessment/.
 */
import { AssessmentDetail } from '../assessment/AssessmentDetail.js';
import { AssessmentList } from '../assessment/AssessmentList.js';
import { EditAssessment } from '../assessment/EditAssessment.js';
import { NewAssessment } from '../assessment/NewAssessment.js';
import type { AssessmentScreen } from '../assessment/paths.js';

export const AssessmentsPage = ({ screen }: { readonly screen: AssessmentScreen }) => {
  switch (screen.kind) {
    case 'list':
      return <AssessmentList />;
    case 'new':
      return <NewAssessment />;
    case 'detail':
      return <AssessmentDetail id={screen.id} />;
    case 'edit':
      return <EditAssessment id={screen.id} />;
  }
};
