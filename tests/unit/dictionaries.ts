import { analysisDictionaries } from '../../src/i18n/analysis';
import { compareDictionaries } from '../../src/i18n/compare';
import { dialogDictionaries } from '../../src/i18n/dialogs';
import { en } from '../../src/i18n/en';
import { helpDictionaries } from '../../src/i18n/help';
import { presentDictionaries } from '../../src/i18n/present';
import { tableImportDictionaries } from '../../src/i18n/table-import';
import { templateDictionaries } from '../../src/i18n/template';
import { templateHistoryDictionaries } from '../../src/i18n/template-history';
import { templateSourcesDictionaries } from '../../src/i18n/template-sources';
import { templateTargetsDictionaries } from '../../src/i18n/template-targets';
import { templateUiDictionaries } from '../../src/i18n/template-ui';
import { vi } from '../../src/i18n/vi';

// One list for the tests that go through every text (same keys, glossary, no repository paths): a new part is
// added here once.

/** The texts that load with their part of the interface, not at start: each part's pair of dictionaries. */
export const TEXT_PARTS = {
  help: helpDictionaries,
  present: presentDictionaries,
  compare: compareDictionaries,
  template: templateDictionaries,
  tableImport: tableImportDictionaries,
  templateUi: templateUiDictionaries,
  templateHistory: templateHistoryDictionaries,
  templateTargets: templateTargetsDictionaries,
  templateSources: templateSourcesDictionaries,
  analysis: analysisDictionaries,
  dialogs: dialogDictionaries,
} as const;

/** Every pair of dictionaries: the start's and each part's. */
export const ALL_DICTIONARIES = { start: { vi, en }, ...TEXT_PARTS } as const;
