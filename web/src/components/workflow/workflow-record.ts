import type { RaRecord } from 'react-admin';
import type { WorkflowRecord as ApiWorkflowRecord } from '@campus/common';

/**
 * A record that moves through states, as react-admin holds it: the API's workflow record
 * (@campus/common: its state, its version, and what the user may do now) with the record's other
 * fields, its id as react-admin's routes carry it.
 */
export interface WorkflowRecord extends RaRecord, Omit<ApiWorkflowRecord, 'id'> {}
