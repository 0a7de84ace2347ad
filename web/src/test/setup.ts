import '@testing-library/jest-dom/vitest';
import { cleanup, configure, getConfig } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './server';
import { makeEmotionSpeedy } from './emotion-speedy';
import { cacheComputedStyle } from './computed-style-cache';
import { skipOwnerStacks } from './owner-stacks';
import { prefilterSelectorMatching } from './selector-prefilter';
import { i18nProvider, loadMessages } from '../i18n';
import { stopFocusWatch } from '../components/workflow/focus';

// findBy*/waitFor wait for a condition and return as soon as it holds; the deadline only ends a wait that can never
// succeed. A react-admin screen's first paint takes seconds on a fully loaded small machine, so it is generous.
configure({ asyncUtilTimeout: 60_000 });
// A query that fails inside waitFor/findBy (every poll but the last) builds an error nobody reads; Testing Library's
// own error prints the whole document into it each time (a tenth of a large form's test CPU). Inside a wait the error
// carries the message only: when the wait gives up, it adds the document to its final error itself.
// Once per worker: the files of a worker share Testing Library's configuration, and this runs for each of them.
const printing = getConfig() as { getElementError: ReturnType<typeof getConfig>['getElementError']; printingElementError?: ReturnType<typeof getConfig>['getElementError'] };
const printingElementError = printing.printingElementError ?? printing.getElementError;
configure({
  ...({ printingElementError } as object),
  getElementError: (message, container) => {
    if (!(getConfig() as { _disableExpensiveErrorDiagnostics?: boolean })._disableExpensiveErrorDiagnostics) return printingElementError(message, container);
    const error = new Error(message ?? '');
    error.name = 'TestingLibraryElementError';
    return error;
  },
});

cacheComputedStyle(window);
prefilterSelectorMatching(document);
makeEmotionSpeedy();
skipOwnerStacks();

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  // Components are rendered here without the lazy pages that load every screen's labels in the app.
  await loadMessages();
});
afterEach(async () => {
  cleanup();
  // A dialog's focus watch outlives its test by seconds (focus.ts): it must not move focus in the next file's DOM.
  stopFocusWatch();
  server.resetHandlers();
  localStorage.clear();
  // The UI's language is module state, shared by the files of a worker: a test that switched to English leaves it Chinese again.
  if (i18nProvider.getLocale() !== 'zh') await i18nProvider.changeLocale('zh');
});
afterAll(() => server.close());
