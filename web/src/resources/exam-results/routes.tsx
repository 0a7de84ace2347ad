import { Route } from 'react-router-dom';
import { lazyPage } from '../../lazy-page';

const ExamResultsImportPage = lazyPage(() => import('./ImportResults'), 'ExamResultsImportPage');

/** The session's results import, as a route of the exam-sessions resource (/exam-sessions/:id/results/import). */
export const examResultsRoute = () => <Route key="results-import" path=":id/results/import" element={<ExamResultsImportPage />} />;
