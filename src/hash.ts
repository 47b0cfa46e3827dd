import { createHash } from 'node:crypto';

/** sha256 of a text, as lowercase hex: the provenance hash of checklists, answers and overlays. */
export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
