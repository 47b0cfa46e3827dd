/**
 * sha256 of a text, as lowercase hex: the provenance hash of checklists, answers and overlays.
 * node:crypto is loaded on first use (it brings some forty modules of Node's own): runs that
 * hash nothing never load it.
 */
export function hashText(text: string): string {
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(text).digest('hex');
}
