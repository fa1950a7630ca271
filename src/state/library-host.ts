import type { Journal, PutResult, ScenarioStore, StoredScenario } from '../storage';
import type { Status } from './sheet.svelte';
import type { TemplateRegistry } from './templates.svelte';

/** What the open document and the importer need from the library they belong to. */
export interface LibraryHost {
  readonly store: ScenarioStore;
  /** The templates scenarios come from: the built-in ones and the planner's own versions. */
  readonly templates: TemplateRegistry;
  /** The synchronous copy of unsaved edits, for a tab that closes before they are stored. */
  readonly journal: Journal;
  /** Tells other tabs that a record was saved. */
  announce(record: StoredScenario): void;
  /** Puts a saved record into the listed ones. */
  patch(record: StoredScenario): void;
  /** Reads the list again from storage. */
  refresh(): Promise<void>;
  /** A name no saved scenario has yet. */
  uniqueName(name: string): string;
  /** Shows a notice. */
  tell(status: Status): void;
  /** Asks for persistent storage after the first save. */
  afterFirstSave(): Promise<void>;
}

/** Why a save failed, as the planner is told. */
export type SaveFailure = 'quota' | 'failed';

/** The notice for a failed write. */
export function failureNotice(reason: SaveFailure): Status {
  return { key: reason === 'quota' ? 'library.quota' : 'library.saveFailed', tone: 'error' };
}

/** A put that did not succeed, as the reason the planner is told (a conflict outside autosave is a failure). */
export function failure(result: Extract<PutResult, { ok: false }>): SaveFailure {
  return result.reason === 'quota' ? 'quota' : 'failed';
}
