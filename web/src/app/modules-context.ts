import { createContext, useContext } from 'react';
import type { WebModule } from '../modules/types';

// Module pages that need the whole module list (the home page's shortcuts and widgets) get it from the
// staff layout: importing modules/index.ts would import their own module's index back.
export const WebModulesContext = createContext<WebModule[] | null>(null);

export function useWebModules(): WebModule[] {
  const modules = useContext(WebModulesContext);
  if (!modules) throw new Error('useWebModules: rendered outside AppLayout, which provides the module list');
  return modules;
}
