import type { FastifyInstance } from 'fastify';
import { registerFactRoutes } from './fact-routes.js';
import { studentResource } from './students.js';
import { certificateResource } from './certificates.js';
import { practiceResource } from './practice-records.js';
import { jobRegistrationResource } from './job-registrations.js';
import { jobFairResource } from './job-fairs.js';
import { instructorResource } from './instructors.js';
import { courseResource } from './courses.js';
import { courseCompletionResource } from './course-completions.js';

/** Every kind of fact the KPIs are computed from. */
export const factResources = [
  studentResource, certificateResource, practiceResource, jobRegistrationResource, jobFairResource,
  instructorResource, courseResource, courseCompletionResource,
];

export async function factRoutes(app: FastifyInstance) {
  for (const fact of factResources) registerFactRoutes(app, fact);
}
