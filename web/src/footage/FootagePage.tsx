/**
 * Footage access, one screen per address: the requests (/footage), one request
 * (/footage/requests/:id) and the viewer of a grant (/footage/grants/:id).
 */
import type { FootageScreen } from './paths.js';
import { RequestDetail } from './RequestDetail.js';
import { RequestList } from './RequestList.js';
import { Viewer } from './Viewer.js';

export const FootagePage = ({ screen }: { readonly screen: FootageScreen }) => {
  switch (screen.kind) {
    case 'list':
      return <RequestList />;
    case 'request':
      return <RequestDetail id={screen.id} />;
    case 'viewer':
      return <Viewer grantId={screen.grantId} />;
  }
};
