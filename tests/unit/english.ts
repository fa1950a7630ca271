import { loadDictionary } from '../../src/i18n';

// The app loads the English texts when the page opens in English or the planner switches to it; the tests render,
// export and translate in both languages, so they load them once here, the app's way (src/state/locale.test.ts
// checks the loading itself on fresh modules).
await loadDictionary('en');
