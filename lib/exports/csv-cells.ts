// Spreadsheet safety for CSV cells (R-E3, OWASP "CSV injection"). Written once, used by every export.

// A text cell starting with one of these is read as a formula by Excel, LibreOffice or Sheets
// (full-width forms included, which some spreadsheets fold to ASCII).
export const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r", "\n", "\0", "＝", "＋", "－", "＠"]);

export function neutraliseText(value: string): string {
  return value.length > 0 && FORMULA_TRIGGERS.has(value[0]) ? `'${value}` : value;
}

// Amount columns hold plain decimals ("-12.50") and are left alone; anything else that reaches a
// numeric column is treated as text, so a malformed value can never smuggle a formula.
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function neutraliseNumber(value: string): string {
  return PLAIN_NUMBER.test(value) ? value : neutraliseText(value);
}
