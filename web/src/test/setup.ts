import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './server';
import { makeEmotionSpeedy } from './emotion-speedy';
import { cacheComputedStyle } from './computed-style-cache';
import { prefilterSelectorMatching } from './selector-prefilter';
import { i18nProvider, loadMessages } from '../i18n';

// findBy*/waitFor wait for a condition and return as soon as it holds; the deadline only ends a wait that can never
// succeed. A react-admin screen's first paint takes seconds on a fully loaded small machine, so it is generous.
configure({ asyncUtilTimeout: 60_000 });

cacheComputedStyle(window);
prefilterSelectorMatching(document);
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
