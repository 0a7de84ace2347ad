import { waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';

/** A query client for AdminContext's queryClient prop, so a test can tell when the screen's reads are done. */
export const testQueryClient = () => new QueryClient();

/**
 * Resolves once `asked()` is true (the read the screen depends on reached the server) and no query or mutation of
 * `client` is running any more: what the screen shows from its answers is then rendered. A test that expects the
 * screen to show nothing asserts after this instead of after a pause.
 */
export async function readsSettled(client: QueryClient, asked: () => boolean) {
  await waitFor(() => {
    if (!asked()) throw new Error('the screen has not asked the server yet');
    if (client.isFetching() > 0 || client.isMutating() > 0) throw new Error('the screen is still reading');
  });
}
