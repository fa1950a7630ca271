import type { Locale } from '../engine';
// Not from './index': importing the start dictionaries' module from the dialog's chunk made the bundler split the
// start chunk into five.
import { textPart } from './fill';
import { helpEn } from './help-en';
import { helpVi } from './help-vi';

/** Every text key of the formula help. */
export type HelpKey = keyof typeof helpVi;

/** The formula help's texts in one language. */
export type HelpDictionary = Record<HelpKey, string>;

/** The formula help's texts per language, same keys; only the help dialog imports them, so they load with it. */
export const helpDictionaries: Record<Locale, HelpDictionary> = { vi: helpVi, en: helpEn };

/** Looks up a text of the formula help and fills its {placeholders}. */
export const translateHelp = textPart(helpDictionaries);
