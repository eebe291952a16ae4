/**
 * Unsaved wizard answers, kept while the user moves between steps, goes Back and Forward, or
 * reloads the tab (sessionStorage: this tab only, gone when it closes). Dropped on save, on
 * cancel and when the user confirms leaving.
 */
import type { WizardState } from './wizard-state.js';

const memory = new Map<string, WizardState>();
const storageKey = (key: string) => `proportio.wizard.${key}`;

const storage = (): Storage | undefined => {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
};

export const loadDraft = (key: string): WizardState | undefined => {
  const kept = memory.get(key);
  if (kept) return kept;
  try {
    const raw = storage()?.getItem(storageKey(key));
    return raw ? (JSON.parse(raw) as WizardState) : undefined;
  } catch {
    return undefined;
  }
};

export const saveDraft = (key: string, state: WizardState): void => {
  memory.set(key, state);
  try {
    storage()?.setItem(storageKey(key), JSON.stringify(state));
  } catch {
    // Full or private mode: the draft lasts while this page is open.
  }
};

export const dropDraft = (key: string): void => {
  memory.delete(key);
  try {
    storage()?.removeItem(storageKey(key));
  } catch {
    // Nothing was stored.
  }
};
