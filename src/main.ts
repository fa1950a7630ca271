import { mount } from 'svelte';
import App from './App.svelte';
import { LocaleState } from './state/locale.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('missing #app element');

// A page opened in English waits for its texts (a lazy chunk) rather than showing a first frame in Vietnamese.
// A then, not a top-level await: the bundler splits a start module with top-level await into many files.
const locale = new LocaleState();
void locale.open().then(() => mount(App, { target, props: { locale } }));
