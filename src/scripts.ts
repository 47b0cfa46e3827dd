// Which writing systems a text needs fonts for, beyond the Latin, Greek and Cyrillic every Linux
// machine with a browser has: for the PDF's warning when no installed font covers one. Pure.

export interface Script {
  name: string;
  /** fontconfig's language code, for `fc-list :lang=<code>`. */
  lang: string;
  /** The Debian package whose fonts cover it. */
  debian: string;
}

const scripts: (Script & { test: RegExp })[] = [
  // Kana first: Japanese also writes Han, and a font for Japanese covers its Han.
  { name: 'Japanese', lang: 'ja', debian: 'fonts-noto-cjk', test: /[\p{Script=Hiragana}\p{Script=Katakana}]/u },
  { name: 'Korean', lang: 'ko', debian: 'fonts-noto-cjk', test: /\p{Script=Hangul}/u },
  { name: 'Chinese', lang: 'zh-cn', debian: 'fonts-noto-cjk', test: /\p{Script=Han}/u },
  { name: 'Arabic', lang: 'ar', debian: 'fonts-noto-core', test: /\p{Script=Arabic}/u },
  { name: 'Hebrew', lang: 'he', debian: 'fonts-noto-core', test: /\p{Script=Hebrew}/u },
  { name: 'Devanagari', lang: 'hi', debian: 'fonts-noto-core', test: /\p{Script=Devanagari}/u },
  { name: 'Bengali', lang: 'bn', debian: 'fonts-noto-core', test: /\p{Script=Bengali}/u },
  { name: 'Tamil', lang: 'ta', debian: 'fonts-noto-core', test: /\p{Script=Tamil}/u },
  { name: 'Thai', lang: 'th', debian: 'fonts-noto-core', test: /\p{Script=Thai}/u },
];

/** The scripts `text` uses that need fonts of their own; Han alone counts as Chinese, with kana as Japanese. */
export function scriptsIn(text: string): Script[] {
  const found = scripts.filter((s) => s.test.test(text));
  const japanese = found.some((s) => s.lang === 'ja');
  return found.filter((s) => !(japanese && s.lang === 'zh-cn')).map(({ name, lang, debian }) => ({ name, lang, debian }));
}
