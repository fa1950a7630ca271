import { getContext, setContext } from 'svelte';
import type { LocaleState } from '../state/locale.svelte';

const KEY = Symbol('locale');

/** Makes the interface language available to every component below the caller (App sets it once). */
export function provideLocale(locale: LocaleState): LocaleState {
  return setContext(KEY, locale);
}

/** The interface language set by App; a programmer mistake to call outside it. */
export function useLocale(): LocaleState {
  const locale = getContext<LocaleState | undefined>(KEY);
  if (!locale) throw new Error('useLocale() called outside a component tree that provides the locale');
  return locale;
}
