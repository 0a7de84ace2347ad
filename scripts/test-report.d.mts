/** vitest's reporters: the default one, and a JSON report in CI_REPORT_DIR when it is set. */
export function reporters(name: string): (string | [string, { outputFile: string }])[];
