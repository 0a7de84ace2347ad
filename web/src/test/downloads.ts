import { afterEach, beforeEach } from 'vitest';

/**
 * The files a test's page hands the browser to save, as the browser would save them: react-admin's downloadCSV (and
 * the exports built on it) hands a Blob to URL.createObjectURL. Captured there rather than by mocking react-admin,
 * which a file cannot do once its worker has loaded it for an earlier file; URL's own functions are put back after
 * each test, since the files of a worker share it.
 */
export function captureDownloads(): Blob[] {
  const blobs: Blob[] = [];
  let saved: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'> | undefined;
  beforeEach(() => {
    saved = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return 'blob:export';
    };
    URL.revokeObjectURL = () => undefined;
  });
  afterEach(() => {
    if (saved) Object.assign(URL, saved);
    blobs.length = 0;
  });
  return blobs;
}
