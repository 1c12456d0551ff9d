/** One thing wrong with the library: where it is and what was expected. */
export type LibraryProblem = {
  /** Path of the file, as given to the compiler. */
  file: string;
  /** 1-based line number (1 when the problem is about the whole file). */
  line: number;
  /** What is wrong and what was expected. */
  message: string;
};

/** Thrown by `compileLibrary` with every problem found, each with file and line. */
export class LibraryBuildError extends Error {
  /** Every problem found, in file order. */
  readonly problems: LibraryProblem[];

  constructor(problems: LibraryProblem[]) {
    super(
      `The content library has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems
        .map(formatProblem)
        .join('\n')}`,
    );
    this.name = 'LibraryBuildError';
    this.problems = problems;
  }
}

/** `file:line: message`, the form editors and terminals link to. */
export function formatProblem(problem: LibraryProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

/** Collects problems while the compiler walks the library. */
export class ProblemLog {
  readonly problems: LibraryProblem[] = [];

  /** Records a problem. */
  add(file: string, line: number, message: string): void {
    this.problems.push({ file, line, message });
  }

  /** A reporter bound to one file. */
  forFile(file: string): Reporter {
    return (line, message) => this.add(file, line, message);
  }
}

/** Records a problem at a line of the current file. */
export type Reporter = (line: number, message: string) => void;
