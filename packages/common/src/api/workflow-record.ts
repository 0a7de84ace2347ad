/**
 * A record that moves through states (API.md "Resources"): its `status`, the `version` a workflow
 * action must send back (a stale one is refused), and the actions the signed-in user may take on it
 * now, from the transition table.
 */
export interface WorkflowRecord<S extends string = string, A extends string = string> {
  id: number;
  status: S;
  version: number;
  allowedActions: A[];
}
