/**
 * Residents' requests (issue 12 §1, docs/rights.md), one screen per address: the register
 * (/rights/requests), a new request (/rights/requests/new) and one request (/rights/requests/:id).
 */
import { NewRequestForm } from './NewRequestForm.js';
import type { RightsScreen } from './paths.js';
import { RequestRegister } from './RequestRegister.js';
import { SubjectRequestDetail } from './SubjectRequestDetail.js';

export const RightsPage = ({ screen }: { readonly screen: RightsScreen }) => {
  switch (screen.kind) {
    case 'list':
      return <RequestRegister />;
    case 'new':
      return <NewRequestForm />;
    case 'request':
      return <SubjectRequestDetail id={screen.id} />;
  }
};
