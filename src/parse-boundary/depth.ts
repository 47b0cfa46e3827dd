// How deeply a parsed value nests, measured without recursion so that a hostile value cannot
// overflow the stack while we look at it.

/** True when `value` nests deeper than `limit` arrays or objects. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  const seen = new Set<object>();
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    if (depth >= limit) return true;
    seen.add(v);
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * The deepest bracket nesting in JSON-like text, strings and comments skipped: lets a parser that
 * recurses be refused a document before it starts.
 */
export function bracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 47 && text.charCodeAt(i + 1) === 47) i = skipTo(text, i, '\n');
    else if (c === 47 && text.charCodeAt(i + 1) === 42) i = skipTo(text, i + 2, '*/') + 1;
    else if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if (c === 93 || c === 125) depth = Math.max(0, depth - 1);
  }
  return max;
}

function skipTo(text: string, from: number, end: string): number {
  const at = text.indexOf(end, from);
  return at < 0 ? text.length : at;
}

/**
 * The deepest raw nesting of "[" and "{" in YAML text, quotes and comments not honoured (so no
 * quoting trick can hide a bracket). The yaml library aborts the whole process, uncatchably, on
 * flow collections some thousands deep; this lets such a file be refused before it is parsed.
 */
export function rawBracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return max;
}
