/** A tiny history-API router: the server answers every non-API path with index.html. */
import { createContext, useContext } from 'react';

export interface Router {
  readonly path: string;
  /** Counts client-side navigations, so pages know when to move focus to their heading. */
  readonly navigations: number;
  readonly navigate: (path: string) => void;
}

export const RouterContext = createContext<Router>({ path: '/', navigations: 0, navigate: () => undefined });

export const useRouter = (): Router => useContext(RouterContext);
