// The API's record types, shared by the server (its record builders) and the web (its screens). The
// error body (ApiErrorBody, ProblemDetail) is in ../problem/problem-codes.ts and the audit event
// (AuditEventRecord) in ../audit/audit-event-types.ts, beside the codes and actions they are typed by.
export * from './compliance.js';
export * from './workflow-record.js';
export * from './signed-in-user.js';
export * from './review-context.js';
export * from './programme-report.js';
