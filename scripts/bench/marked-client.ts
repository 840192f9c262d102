/**
 * A pg client class whose every statement carries a comment naming its side ("floor",
 * "bench") after its first word, so the run's report can tell the application's statements in
 * pg_stat_statements from the floor's and the harness's. After the first word, since the
 * statistics keep a statement's text from its first token to its last: a leading or trailing
 * comment is dropped, one inside is kept.
 */
import pg from "pg";

export const markOf = (side: string) => `/* side:${side} */`;

/** The statement with the mark after its first word. */
export const marked = (side: string, text: string) =>
  text.replace(/^(\s*\w+)/, `$1 ${markOf(side)}`);

export function markedClient(side: string): typeof pg.Client {
  const mark = (text: string) => marked(side, text);
  class Marked extends pg.Client {}
  const query = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
  Marked.prototype.query = function (this: pg.Client, config: unknown, ...rest: unknown[]) {
    // Only text and plain { text, values } configurations (what these scripts send) are marked.
    const plain =
      typeof config === "object" &&
      config !== null &&
      Object.getPrototypeOf(config) === Object.prototype &&
      typeof (config as { text?: unknown }).text === "string";
    const marked =
      typeof config === "string"
        ? mark(config)
        : plain
          ? { ...(config as { text: string }), text: mark((config as { text: string }).text) }
          : config;
    return query.call(this, marked, ...rest);
  } as typeof pg.Client.prototype.query;
  return Marked;
}
