// The errors @groundwork/pdf throws. Each message says what failed, what was
// expected and what was received; the original error is kept as `cause`.
// No imports: the browser-safe `@groundwork/pdf/brand` entry throws them too.

/** One bad field: its dotted path (`practice.website`, `colours.primary`) and what is wrong with it. */
export interface FieldIssue {
  field: string;
  message: string;
}

function listIssues(issues: readonly FieldIssue[]): string {
  return issues.map((issue) => `${issue.field}: ${issue.message}`).join('\n');
}

/** A brand kit that does not parse: `issues` names every bad field. */
export class BrandKitError extends Error {
  override name = 'BrandKitError';
  readonly issues: readonly FieldIssue[];
  constructor(issues: readonly FieldIssue[], options?: { cause?: unknown }) {
    super(`Invalid brand kit:\n${listIssues(issues)}`, options);
    this.issues = issues;
  }
}

/**
 * A document that cannot be rendered by the function it was given to: an
 * unknown id, a document of another kind (a consent form passed to
 * `renderHandout`), or a document object that is not a valid content document.
 */
export class DocumentKindError extends Error {
  override name = 'DocumentKindError';
}

/** A render option or input other than the brand kit that is not valid: `issues` names every bad field. */
export class RenderOptionsError extends Error {
  override name = 'RenderOptionsError';
  readonly issues: readonly FieldIssue[];
  constructor(what: string, issues: readonly FieldIssue[], options?: { cause?: unknown }) {
    super(`Invalid ${what}:\n${listIssues(issues)}`, options);
    this.issues = issues;
  }
}

/** The renderer failed on valid input (a bug: please report it). The message names the document. */
export class RenderError extends Error {
  override name = 'RenderError';
}
