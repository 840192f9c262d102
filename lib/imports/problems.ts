import { columnLetter } from "@/lib/excel/columns";

/** One thing wrong with an uploaded workbook, before translation (`code` under "imports.problems"). */
export type Problem = {
  sheet: string | null;
  row: number | null;
  key: string | null;
  cell: string | null;
  code: string;
  params?: Record<string, string | number>;
};

/** The report keeps this many problems; the count says how many there were. */
export const MAX_PROBLEMS = 1_000;

/** Collects problems by sheet, row and column; a file with any is applied in no part. */
export class Problems {
  readonly list: Problem[] = [];
  count = 0;

  add(problem: Omit<Problem, "cell"> & { column?: number | null }) {
    this.count += 1;
    if (this.list.length >= MAX_PROBLEMS) return;
    const { column, ...rest } = problem;
    const cell = column && problem.row ? `${columnLetter(column)}${problem.row}` : null;
    this.list.push({ ...rest, cell });
  }

  get any(): boolean {
    return this.count > 0;
  }
}
