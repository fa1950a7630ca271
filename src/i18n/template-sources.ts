import { textPart } from './fill';

// Not from './index': importing the start dictionaries' module from a lazy chunk splits the start chunk.

const vi = {
  'templateSources.caption': 'Nguồn số liệu',
};

/** Every text key of the sources editor of the template editor. */
export type TemplateSourcesKey = keyof typeof vi;

const en: Record<TemplateSourcesKey, string> = {
  'templateSources.caption': 'Sources',
};

/** The texts of the sources editor of the template editor per language, same keys; only the editor imports them. */
export const templateSourcesDictionaries = { vi, en };

/** Looks up a text of the sources editor of the template editor and fills its {placeholders}. */
export const translateTemplateSources = textPart(templateSourcesDictionaries);
