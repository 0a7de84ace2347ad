export { ImportPage, ImportErrorTable, reportCsv } from './ImportPage';
export { ImportButton } from './ImportButton';
export { importRoute } from './importRoute';
