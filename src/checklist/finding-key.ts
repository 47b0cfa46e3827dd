// The stable name of a finding: its rule and the file it is in, never its line, so that editing
// the file around it does not break an acknowledgement that names it.
export const findingKey = (f: { id: string; path: string }): string => `${f.id}@${f.path}`;

/** "rule@path": a detector rule ("tool.what"), an at sign, and a path inside the repository. */
export const findingKeyPattern = /^[a-z-]+\.[a-z0-9-]+@[^\s@][^@]*$/;
