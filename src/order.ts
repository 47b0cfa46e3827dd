// A string order that is the same on every machine: by UTF-16 code unit, never the locale's
// collation (which differs between LANG settings and would change a report's bytes).
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
