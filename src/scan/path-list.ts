// A listing of file paths kept as git prints it with -z: one string, every path followed by a NUL.
//
// A large repository lists a hundred thousand paths. Cutting a string out for each, checking their
// order and keeping them all alive through the scan cost it more than everything else it does
// (most of it in garbage collection), while the scanner needs only the few paths a detector could
// own (select) and, now and then, whether one path is listed at all (has).

export class PathList {
  private constructor(private readonly text: string) {}

  /** git's -z output as it comes: every path followed by a NUL. */
  static ofGitOutput(text: string): PathList {
    return new PathList(text);
  }

  static of(paths: readonly string[]): PathList {
    return new PathList(paths.length ? `${paths.join('\0')}\0` : '');
  }

  /** Whether `path` is one of the listed paths. */
  has(path: string): boolean {
    if (!path || path.includes('\0')) return false;
    return this.text.startsWith(`${path}\0`) || this.text.includes(`\0${path}\0`);
  }

  /**
   * Every listed path in which `pattern` (a global expression that never matches a NUL) finds a
   * match, in JavaScript's string order. One pass of the expression over the whole listing: far
   * quicker than testing a hundred thousand paths one by one.
   */
  select(pattern: RegExp): string[] {
    const out: string[] = [];
    pattern.lastIndex = 0;
    for (let m = pattern.exec(this.text); m; m = pattern.exec(this.text)) {
      // The match's last character lies inside the path, whatever delimiter the match began with.
      const inside = m.index + Math.max(m[0].length - 1, 0);
      const end = this.text.indexOf('\0', inside);
      if (end < 0) break;
      const start = this.text.lastIndexOf('\0', inside - 1) + 1;
      if (end > start) out.push(this.text.slice(start, end));
      // On to the next path, from the NUL that ends this one (the next match may begin with it): a
      // path is selected once however many matches it holds.
      pattern.lastIndex = end;
    }
    return sorted(out);
  }

  /** Every listed path, in JavaScript's string order. */
  all(): string[] {
    return sorted(this.text.split('\0').filter(Boolean));
  }
}

/** git already lists in order; sorting only when needed saves a large listing real time. */
function sorted(paths: string[]): string[] {
  for (let i = 1; i < paths.length; i++) if (paths[i - 1]! > paths[i]!) return paths.sort();
  return paths;
}
