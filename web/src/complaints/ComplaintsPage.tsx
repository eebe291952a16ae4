/**
 * Complaints and regulator inquiries (issue 12 §3, docs/rights.md), one screen per address: the
 * register (/complaints), a new one (/complaints/new) and one complaint or inquiry (/complaints/:id).
 */
import { ComplaintDetailPage } from './ComplaintDetail.js';
import { ComplaintRegister } from './ComplaintRegister.js';
import { NewComplaintForm } from './NewComplaintForm.js';
import type { ComplaintsScreen } from './paths.js';

export const ComplaintsPage = ({ screen }: { readonly screen: ComplaintsScreen }) => {
  switch (screen.kind) {
    case 'list':
      return <ComplaintRegister />;
    case 'new':
      return <NewComplaintForm />;
    case 'complaint':
      return <ComplaintDetailPage id={screen.id} />;
  }
};
