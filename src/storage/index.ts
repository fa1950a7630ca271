export {
  SCHEMA_VERSION,
  SUMMARY_VERSION,
  MIGRATIONS,
  newRecord,
  readRecord,
  randomId,
  listSummary,
  recordSummary,
  type ListSummary,
  type StoredScenario,
  type Origin,
  type RecordCheck,
  type Migration,
  type Migrations,
} from './record';
export {
  openScenarioStore,
  memoryStore,
  type ScenarioStore,
  type PutResult,
  type Quarantined,
  type NewerRecord,
  type StoreOptions,
  type OpenOptions,
} from './store';
export { listingOf, readListing, type Listing } from './listing';
export { requestPersistence } from './persist';
export { openJournal, type Journal, type JournalEntry, type FoundEntry } from './journal';
export { openSyncChannel, CHANNEL_NAME, type SyncChannel, type SyncMessage, type OutgoingSyncMessage } from './channel';
export {
  TEMPLATE_SCHEMA_VERSION,
  TEMPLATE_MIGRATIONS,
  readTemplateRecord,
  newTemplateRecord,
  templateKey,
  type StoredTemplate,
  type TemplateRecordCheck,
} from './template-record';
export type { TemplateStore, TemplateList, NewerTemplate, PutTemplateResult } from './template-store';
