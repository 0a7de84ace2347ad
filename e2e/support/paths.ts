import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const webDist = path.join(repoRoot, 'web', 'dist');
export const screenshotDir = path.join(repoRoot, 'e2e', 'screenshots');
