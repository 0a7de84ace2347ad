export { ImportPage, ImportErrorTable, reportCsv } from './ImportPage';
export { ImportPreview } from './ImportPreview';
export { XLSX_TYPE, downloadTemplate, dryRunImport, runImport, type DryRun } from './importApi';
export { ImportButton } from './ImportButton';
export { importRoute } from './importRoute';
