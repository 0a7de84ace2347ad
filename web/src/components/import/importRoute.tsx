import { Route } from 'react-router-dom';
import { ImportPage } from './ImportPage';

/** The import screen as a route of a resource: /<resource>/import (registered with the resource's other routes). */
export const importRoute = (resource: string) => <Route key="import" path="import" element={<ImportPage resource={resource} />} />;
