/** The logged-in user and what they may do, shared with every page. */
import { createContext, useContext } from 'react';
import type { Permission } from '../../src/core/auth/roles.js';
import type { Me } from './api.js';

export interface Session {
  readonly me: Me;
  readonly can: (permission: Permission) => boolean;
  readonly logout: () => Promise<void>;
  /** Called when the API answers 401: the session has ended elsewhere. */
  readonly expired: () => void;
}

export const SessionContext = createContext<Session | null>(null);

export const useSession = (): Session => {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a logged-in shell');
  return s;
};
