import * as React from 'react';

/**
 * React's development build records, for each element it creates, the stack of the code that created it (an Error with
 * ten frames, up to ten thousand a second), only to name components in its warnings. Rendering a large react-admin
 * form creates elements by the hundred thousand, and that capture was React's largest single cost in the form tests.
 * The counter React checks is pinned at its limit, so no stack is captured; warnings still name the component.
 */
export function skipOwnerStacks() {
  const internals = (React as unknown as Record<string, Record<string, unknown> | undefined>)
    .__CLIENT_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE;
  if (!internals || !('recentlyCreatedOwnerStacks' in internals)) return;
  Object.defineProperty(internals, 'recentlyCreatedOwnerStacks', { configurable: true, get: () => 1e4, set: () => undefined });
}
