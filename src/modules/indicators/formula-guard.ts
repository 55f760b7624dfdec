/** The spreadsheet formula guard of exported CSV files (one rule for every module: src/platform/formula-guard.ts). */
export { neutraliseFormula, restoreFormulaGuarded } from '../../platform/formula-guard.ts';
