import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";

export type RawRow = { number: number; cells: unknown[] };
export type RawSheet = { name: string; rows: RawRow[]; merges: string[] };

/** A workbook that cannot be read at all (not a spreadsheet inside, or too large). */
export class WorkbookUnreadable extends Error {
  constructor(
    readonly reason: "unreadable" | "tooManyRows",
    readonly limit?: number,
    /** What the reader threw, for the server's log (the user is told "unreadable" alone). */
    cause?: unknown,
  ) {
    super(reason, { cause });
  }
}

export type ReadOptions = {
  /** Most rows over all sheets (rows beyond make the file unreadable, not silently cut). */
  maxRows: number;
  /** Columns beyond this are ignored. */
  maxColumns?: number;
  /** Called every thousand rows with the rows read so far. */
  onRows?: (rows: number) => void | Promise<void>;
};

/**
 * Reads every sheet of an uploaded .xlsx with exceljs's streaming reader, not `xlsx.load`: the
 * full loader expands every data-validation range and merged range into one object per cell, so
 * a validation over A1:XFD1048576 (a few bytes in the file) would take the server down. The
 * streaming reader only builds the rows; merged ranges, which it skips, are picked out of the
 * sheet's XML on the way through (`<mergeCell ref="A3:B4"/>`), because the importer refuses them.
 */
export async function readWorkbook(bytes: Uint8Array, options: ReadOptions): Promise<RawSheet[]> {
  const maxColumns = options.maxColumns ?? 100;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache", // date cells are numbers with a date format: the styles tell them apart
    hyperlinks: "ignore",
    entries: "ignore",
  });
  decodeWholeCharacters(reader);
  const sheets: RawSheet[] = [];
  let total = 0;
  try {
    for await (const worksheet of reader) {
      const ws = worksheet as unknown as {
        name: string;
        iterator: AsyncIterable<Buffer | string>;
      } & AsyncIterable<ExcelJS.Row>;
      const sheet: RawSheet = { name: String(ws.name), rows: [], merges: [] };
      ws.iterator = scanMerges(ws.iterator, sheet.merges);
      for await (const row of ws) {
        const values = row.values as unknown[];
        if (!Array.isArray(values) || !values.some((v) => v !== null && v !== undefined)) continue;
        total += 1;
        if (total > options.maxRows) throw new WorkbookUnreadable("tooManyRows", options.maxRows);
        sheet.rows.push({ number: row.number, cells: values.slice(0, maxColumns + 1) });
        if (total % 1000 === 0) await options.onRows?.(total);
      }
      sheets.push(sheet);
    }
  } catch (error) {
    if (error instanceof WorkbookUnreadable) throw error;
    throw new WorkbookUnreadable("unreadable", undefined, error);
  }
  return sheets;
}

/**
 * Passes a sheet's XML on as text and collects the `ref` of every `<mergeCell>`. Only text
 * before the last "<" of what has arrived is searched (a tag cannot contain "<"), so a tag split
 * between two chunks is found once, in the next round.
 */
async function* scanMerges(
  source: AsyncIterable<Buffer | string>,
  merges: string[],
): AsyncGenerator<string> {
  const pattern = /<(?:[\w-]+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']+)["']/g;
  let tail = "";
  for await (const piece of decodeText(source)) {
    const text = tail + piece;
    const cut = text.lastIndexOf("<");
    const complete = cut < 0 ? text : text.slice(0, cut);
    tail = cut < 0 ? "" : text.slice(cut);
    for (const match of complete.matchAll(pattern)) merges.push(match[1]!);
    yield piece;
  }
  for (const match of tail.matchAll(pattern)) merges.push(match[1]!);
}

/**
 * UTF-8 decoded across chunk boundaries. exceljs's streaming parser decodes every chunk of a
 * zip entry on its own, so a Chinese character split between two chunks comes out as two
 * replacement characters (a changed name on every round trip); handed text, it uses it as is.
 */
async function* decodeText(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of source) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

type EntryParser = (entry: NodeJS.ReadableStream) => unknown;

/** The workbook's own parts (sheet names, shared strings) go through the same decoding. */
function decodeWholeCharacters(reader: unknown) {
  const parts = reader as Record<"_parseWorkbook" | "_parseSharedStrings", EntryParser>;
  for (const name of ["_parseWorkbook", "_parseSharedStrings"] as const) {
    const original = parts[name].bind(reader);
    parts[name] = (entry) => original(Readable.from(decodeText(entry.pipe(new PassThrough()))));
  }
}
