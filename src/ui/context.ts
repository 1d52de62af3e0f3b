/** The non-React services the components call (analysis runner, autosave), provided once at start. */
import { createContext, useContext } from 'react';
import type { AnalysisRunner } from './app/runner';

export interface Services {
  runner: AnalysisRunner;
  /** Saves the scenario now (before a reload, an export). */
  flushSave(): Promise<void>;
}

export const ServicesContext = createContext<Services | null>(null);

/** The app's services; throws outside the provider (a programming error). */
export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesContext');
  return services;
}
