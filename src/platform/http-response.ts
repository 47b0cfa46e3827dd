// Pure: what `gh api --include` prints (a status line, headers, a blank line, the body) read back
// into a status, the Date header and the body as JSON. One reader for live runs and for the files
// the printed commands save, so both make the same bundle.
export interface HttpAnswer {
  status: number;
  /** The Date header, as ISO 8601, when GitHub sent one. */
  date: string | null;
  body: unknown;
}

export function parseIncluded(text: string): HttpAnswer | undefined {
  const head = /^HTTP\/[\d.]+ (\d{3})[^\n]*\n/.exec(text);
  if (!head) return undefined;
  const split = /\r?\n\r?\n/.exec(text.slice(head.index));
  const headers = split ? text.slice(0, split.index) : text;
  const rest = split ? text.slice(split.index + split[0].length) : '';
  const dateHeader = /^date:[ \t]*(.+?)\r?$/im.exec(headers)?.[1];
  const date = dateHeader && !Number.isNaN(Date.parse(dateHeader)) ? new Date(Date.parse(dateHeader)).toISOString() : null;
  let body: unknown = null;
  if (rest.trim()) {
    try {
      body = JSON.parse(rest);
    } catch {
      body = { message: 'the response body is not JSON' };
    }
  }
  return { status: Number(head[1]), date, body };
}
