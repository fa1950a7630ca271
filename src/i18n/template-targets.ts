import { textPart } from './fill';

// Not from './index': importing the start dictionaries' module from a lazy chunk splits the start chunk.

const vi = {
  'templateTargets.caption': 'Các bộ chỉ tiêu',
};

/** Every text key of the target sets editor of the template editor. */
export type TemplateTargetsKey = keyof typeof vi;

const en: Record<TemplateTargetsKey, string> = {
  'templateTargets.caption': 'Target sets',
};

/** The texts of the target sets editor of the template editor per language, same keys; only the editor imports them. */
export const templateTargetsDictionaries = { vi, en };

/** Looks up a text of the target sets editor of the template editor and fills its {placeholders}. */
export const translateTemplateTargets = textPart(templateTargetsDictionaries);
