// The one shared package: import everything from '@campus/common'.
export * from './vocabulary.js';
export * from './state-sets.js';
export * from './calendar/clock.js';
export * from './calendar/agreement-year.js';
export * from './access/permissions.js';
export * from './access/scope.js';
export * from './kpi/kpi-names.js';
export * from './kpi/verdicts.js';
export * from './kpi/projection.js';
export * from './kpi/policy-defaults.js';
export * from './problem/problem-codes.js';
export * from './workflow/types.js';
export * from './workflow/application-transitions.js';
export * from './workflow/agreement-transitions.js';
export * from './workflow/evaluation-transitions.js';
export * from './workflow/provider-work-transitions.js';
export * from './api/index.js';
