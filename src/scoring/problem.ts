// One wording, for every format and gate, of what is wrong with an answer: the practices still
// missing on a practice list, otherwise the answer given. A reader acts on what is missing, not
// on the list of what is already in place.
export interface ProblemSource {
  answer: string;
  missing?: readonly string[];
}

export function problemOf(q: ProblemSource): string {
  return q.missing?.length ? `not in place: ${q.missing.join('; ')}` : `answered ${q.answer}`;
}

/** The first planned step that names the question: the one change that closes its gap. */
export function stepFor(steps: readonly { text: string; questions: readonly string[] }[], id: string): string | undefined {
  return steps.find((s) => s.questions.includes(id))?.text;
}
