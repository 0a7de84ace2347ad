import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './server';
import { makeEmotionSpeedy } from './emotion-speedy';
import { i18nProvider, loadMessages } from '../i18n';

// findBy*/waitFor wait for a condition and return as soon as it holds; the deadline only ends a wait that can never
// succeed. A react-admin screen's first paint takes seconds on a fully loaded small machine, so it is generous.
configure({ asyncUtilTimeout: 60_000 });

// MUI's TextareaAutosize measures its textarea with getComputedStyle on every render and change. jsdom computes a style
// by matching every emotion rule on the page against the element and has no layout, so the measurement is zero anyway
// and costs seconds per test on a large form (the application form: about a third of its CPU time). A textarea gets
// its declared (inline) style instead; other elements, ancestors included (what decides whether a textarea is
// hidden), keep jsdom's computed style, and so does the measuring copy's inline visibility: hidden.
if (!('jsdomComputedStyle' in window)) {
  const computedStyle = window.getComputedStyle.bind(window);
  Object.assign(window, { jsdomComputedStyle: computedStyle }); // once, also when test files share a worker
  window.getComputedStyle = (element: Element, pseudoElement?: string | null) =>
    element instanceof HTMLTextAreaElement && !pseudoElement ? element.style : computedStyle(element, pseudoElement);
}

makeEmotionSpeedy();

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  // Components are rendered here without the lazy pages that load every screen's labels in the app.
  await loadMessages();
});
afterEach(async () => {
  cleanup();
  server.resetHandlers();
  localStorage.clear();
  // The UI's language is module state, shared by the files of a worker: a test that switched to English leaves it Chinese again.
  if (i18nProvider.getLocale() !== 'zh') await i18nProvider.changeLocale('zh');
});
afterAll(() => server.close());
