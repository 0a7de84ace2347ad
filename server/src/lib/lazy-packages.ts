/**
 * npm packages that only some requests need, loaded on first use: exceljs (an .xlsx template, import or report) and
 * playwright-core (a report's PDF) take about 1.3 s of CPU to load together, which every start of the server and of
 * its command-line tools paid although most never write a workbook or a PDF. Each is loaded once per process.
 */
let excel: Promise<typeof import('exceljs')> | undefined;
let playwright: Promise<typeof import('playwright-core')> | undefined;

export const loadExcel = async () => {
  // exceljs is CommonJS: node's import answers its exports as `default` (its types declare them as named exports).
  const mod = await (excel ??= import('exceljs'));
  return (mod as typeof mod & { default?: typeof mod }).default ?? mod;
};
export const loadChromium = async () => (await (playwright ??= import('playwright-core'))).chromium;
