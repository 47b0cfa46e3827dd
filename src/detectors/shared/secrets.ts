// Secret masking. Every string the scanner emits passes through maskSecrets, so a token found in
// a scanned file can never reach any output format.
const patterns: RegExp[] = [
  /\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g,
  /\b(sk-(?:ant-|proj-)?[A-Za-z0-9_-]{16,})\b/g,
  /\b(AKIA|ASIA)[A-Z0-9]{16}\b/g,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/g,
  /\bAIza[0-9A-Za-z_-]{30,}\b/g,
  /\b(glpat-[A-Za-z0-9_-]{16,})\b/g,
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g,
];

/** Replaces anything that looks like a credential with a fixed mask. */
export function maskSecrets(text: string): string {
  let out = text;
  for (const p of patterns) out = out.replace(p, '****');
  return out
    .replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi, '$1****:****@')
    .replace(/(\bauthorization\b["']?\s*[:=]\s*["']?)(bearer\s+|basic\s+|token\s+)?[^\s"',}]+/gi, '$1$2****')
    .replace(/(\bbearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, '$1****');
}

const secretName = /(token|secret|password|passwd|api[_-]?key|access[_-]?key|private[_-]?key|credential|auth)/i;

/**
 * Whether a configured value is a literal secret rather than a reference to one: a value under a
 * secret-sounding name that is not an environment or template reference, or a known token shape.
 */
export function isLiteralSecret(name: string, value: unknown): boolean {
  if (typeof value !== 'string' || value.length < 8) return false;
  if (/^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$|^\$\{\{.*\}\}$|^\{env:|^env:|^<.*>$|^\$\(|^\{\{.*\}\}$/.test(value.trim())) return false;
  if (maskSecrets(value) !== value) return true;
  return secretName.test(name) && !/\s/.test(value);
}
