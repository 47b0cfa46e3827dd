// The colour bands of every heat map (portfolio and roles), on the verdict's own thresholds:
// 60 per failure mode, 75 overall.
export type Band = 'none' | 'low' | 'weak' | 'fair' | 'good';

export const bandOf = (score: number | null): Band => (score === null ? 'none' : score < 40 ? 'low' : score < 60 ? 'weak' : score < 75 ? 'fair' : 'good');
export const bandFill: Record<Band, string> = { none: '#eef1f5', low: '#e8a39e', weak: '#f3c58b', fair: '#f5e38f', good: '#9fd4a6' };
export const bandMark: Record<Band, string> = { none: '·', low: '🟥', weak: '🟧', fair: '🟨', good: '🟩' };
