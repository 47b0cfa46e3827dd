// Runs git in a test repository as one person at one moment, so the commits a test makes carry
// fixed identities and dates and the history is the same on every run.
import { execFileSync } from 'node:child_process';

/** `author` as git writes it: "Name <email>". */
export function gitAs(dir: string, author: string, date: string, args: string[]): string {
  const [, name, email] = /^(.*) <(.*)>$/.exec(author) ?? [];
  if (name === undefined || email === undefined) throw new Error(`gitAs: "${author}" is not "Name <email>"`);
  return execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: name,
      GIT_AUTHOR_EMAIL: email,
      GIT_COMMITTER_NAME: name,
      GIT_COMMITTER_EMAIL: email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    },
  });
}
