// "Who said what", short enough to read whatever the head count: each answer once, with the
// people who gave it (by name while there are few, by role count when there are many). Pure.
import { byText } from '../order.js';
export function whoSaidWhat(responses: readonly { name: string; role: string; answer: string }[], roleLabel: (role: string) => string = (r) => r): string {
  const byAnswer = new Map<string, { name: string; role: string }[]>();
  for (const r of responses) byAnswer.set(r.answer, [...(byAnswer.get(r.answer) ?? []), r]);
  return [...byAnswer]
    .sort((a, b) => b[1].length - a[1].length || byText(a[0], b[0]))
    .map(([answer, people]) => {
      if (people.length <= 3) return `${people.map((p) => `${p.name} (${roleLabel(p.role)})`).join(', ')}: ${answer}`;
      const roles = new Map<string, number>();
      for (const p of people) roles.set(p.role, (roles.get(p.role) ?? 0) + 1);
      return `${people.length} people (${[...roles].map(([role, n]) => `${n} ${roleLabel(role)}`).join(', ')}): ${answer}`;
    })
    .join('; ');
}
