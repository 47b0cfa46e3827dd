// A calendar day written YYYY-MM-DD that exists: "2026-02-31" is refused rather than read as
// 3 March. Answers dates, accepted-risk expiries, survey cells and history windows all use it.
export function isRealDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
}
