// A calendar day written YYYY-MM-DD that exists: "2026-02-31" is refused rather than read as
// 3 March. Answers dates, accepted-risk expiries, survey cells and history windows all use it.
//
// Worked out by arithmetic (the proleptic Gregorian calendar, as Date uses): a first use of Date's
// parsing and formatting sets up its time-zone machinery, a few milliseconds of every short run.
export function isRealDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
