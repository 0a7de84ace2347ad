import { Route } from 'react-router-dom';
import { lazyPage } from '../../lazy-page';

const ImportPage = lazyPage(() => import('./ImportPage'), 'ImportPage');

/**
 * The import screen as a route of a resource: /<resource>/import (registered with the resource's
 * other routes). `upsert`: the resource's import can update existing records (?mode=upsert).
 */
export const importRoute = (resource: string, options: { upsert?: boolean } = {}) => (
  <Route key="import" path="import" element={<ImportPage resource={resource} upsert={options.upsert} />} />
);
