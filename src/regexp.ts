// Literal text inside a regular expression: the template error finder and the scanner's key
// expression both build expressions from names they did not write.
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
