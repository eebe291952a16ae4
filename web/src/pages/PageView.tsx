import type { ReactNode } from 'react';
import { assessmentScreen } from '../assessment/paths.js';
import { FootagePage } from '../footage/FootagePage.js';
import { footageScreen } from '../footage/paths.js';
import { ComplaintsPage } from '../complaints/ComplaintsPage.js';
import { complaintsScreen } from '../complaints/paths.js';
import { RightsPage } from '../rights/RightsPage.js';
import { rightsScreen } from '../rights/paths.js';
import { RedactionPage } from '../redaction/RedactionPage.js';
import { mayOpenPattern, routeForPath, type RouteMatch } from '../routes.js';
import { useRouter } from '../router.js';
import { useSession } from '../session.js';
import { AgentsPage } from './AgentsPage.js';
import { AssessmentsPage } from './AssessmentsPage.js';
import { AuditPage } from './AuditPage.js';
import { CamerasPage } from './CamerasPage.js';
import { ConsolePage } from './ConsolePage.js';
import { ConversationTypesPage } from './ConversationTypesPage.js';
import { DossierPage } from './DossierPage.js';
import { IncidentsPage } from './IncidentsPage.js';
import { NoAccessPage } from './NoAccessPage.js';
import { NotFoundPage } from './NotFoundPage.js';
import { OrganisationPage } from './OrganisationPage.js';
import { PanicPage } from './PanicPage.js';
import { PasswordPage } from './PasswordPage.js';
import { RecordingPage } from './RecordingPage.js';
import { CameraStatusPage } from './CameraStatusPage.js';
import { ReportPage } from './ReportPage.js';
import { RoomPolicyPage } from './RoomPolicyPage.js';
import { RoomsPage } from './RoomsPage.js';
import { SettingsPage } from './SettingsPage.js';
import { SitesPage } from './SitesPage.js';
import { StatisticsPage } from './StatisticsPage.js';
import { StartPage } from './StartPage.js';
import { TokensPage } from './TokensPage.js';
import { UsersPage } from './UsersPage.js';

const render = ({ route, pattern, params }: RouteMatch): ReactNode => {
  switch (route.key) {
    case 'start':
      return <StartPage />;
    case 'sites':
      return <SitesPage />;
    case 'rooms':
      return <RoomsPage />;
    case 'conversationTypes':
      return <ConversationTypesPage />;
    case 'cameras':
      return <CamerasPage />;
    case 'agents':
      return <AgentsPage />;
    case 'users':
      return <UsersPage />;
    case 'organisation':
      return <OrganisationPage />;
    case 'settings':
      return <SettingsPage />;
    case 'audit':
      return <AuditPage />;
    case 'password':
      return <PasswordPage />;
    case 'tokens':
      return <TokensPage />;
    case 'panic':
      return <PanicPage />;
    case 'console':
      return <ConsolePage />;
    case 'incidents':
      return <IncidentsPage incidentId={params.id} />;
    case 'report':
      return <ReportPage />;
    case 'statistics':
      return <StatisticsPage />;
    case 'assessments':
      return <AssessmentsPage screen={assessmentScreen(pattern, params)} />;
    case 'roomPolicy':
      return <RoomPolicyPage />;
    case 'recording':
      return <RecordingPage />;
    case 'cameraStatus':
      return <CameraStatusPage />;
    case 'footage':
      return <FootagePage screen={footageScreen(pattern, params)} />;
    case 'rights':
      return <RightsPage screen={rightsScreen(pattern, params)} />;
    case 'complaints':
      return <ComplaintsPage screen={complaintsScreen(pattern, params)} />;
    case 'dossier':
      return <DossierPage />;
    case 'redaction':
      return <RedactionPage requestId={params.id ?? ''} clipId={params.clipId ?? ''} />;
  }
};

/** The page for the current path, or "no access" when the user's permissions do not cover it. */
export const PageView = () => {
  const { path, navigations } = useRouter();
  const { me } = useSession();
  const match = routeForPath(path);
  if (!match) return <NotFoundPage />;
  if (!mayOpenPattern(match.route, match.pattern, me.permissions)) return <NoAccessPage />;
  // Keyed by the navigation too: choosing a page in the menu again starts it afresh (current data, back to its list).
  return <div key={`${match.route.key}-${navigations}`}>{render(match)}</div>;
};
