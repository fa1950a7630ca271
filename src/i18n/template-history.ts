import { textPart } from './fill';

// Not from './index': importing the start dictionaries' module from a lazy chunk splits the start chunk.

const vi = {
  'templateHistory.caption': 'Số liệu đã thực hiện',
};

/** Every text key of the history and assumptions tables of the template editor. */
export type TemplateHistoryKey = keyof typeof vi;

const en: Record<TemplateHistoryKey, string> = {
  'templateHistory.caption': 'Recorded figures',
};

/** The texts of the history and assumptions tables of the template editor per language, same keys; only the editor imports them. */
export const templateHistoryDictionaries = { vi, en };

/** Looks up a text of the history and assumptions tables of the template editor and fills its {placeholders}. */
export const translateTemplateHistory = textPart(templateHistoryDictionaries);
