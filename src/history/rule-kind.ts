// Which kind of rule an attribution rule is: the one key of its own it carries. Apart from both
// the validator (loaded only for files the build has not checked) and the matcher, which use it.
export const ruleKinds = ['author', 'committer', 'trailer', 'message', 'branch', 'login'] as const;
export type RuleKind = (typeof ruleKinds)[number];

export function ruleKind(rule: object): RuleKind {
  return ruleKinds.find((k) => k in rule)!;
}
