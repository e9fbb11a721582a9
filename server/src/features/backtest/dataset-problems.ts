/**
 * What is wrong with a dataset file, line by line. Parsing collects problems instead of stopping
 * at the first, so an ops lead fixes a file in one go; a dataset with any problem is refused
 * whole (nothing is evaluated or stored).
 */

/** One problem: the 1-based line of the file (0 for the file as a whole) and what to fix. */
export interface DatasetProblem {
  line: number;
  message: string;
}

/** Most problems reported for one file; past that the file is clearly of another shape. */
export const MAX_PROBLEMS = 20;

/** Thrown by `parseDataset` when the file cannot be used; `problems` is never empty. */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';

  constructor(readonly problems: DatasetProblem[]) {
    super(problems.map(describeProblem).join('\n'));
  }
}

/** "line 12: …", or the message alone for a problem of the whole file. */
export function describeProblem(problem: DatasetProblem): string {
  return problem.line > 0 ? `line ${problem.line}: ${problem.message}` : problem.message;
}

/** Collects problems up to `MAX_PROBLEMS`. */
export class ProblemList {
  readonly problems: DatasetProblem[] = [];

  add(line: number, message: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ line, message });
  }

  get full(): boolean {
    return this.problems.length >= MAX_PROBLEMS;
  }

  /** @throws DatasetError when any problem was added */
  throwIfAny(): void {
    if (this.problems.length > 0) throw new DatasetError(this.problems);
  }
}
