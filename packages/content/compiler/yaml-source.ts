import { isNode, LineCounter, parseDocument } from 'yaml';
import type * as z from 'zod';
import type { Reporter } from './problems.js';

/** Parsed YAML that can say on which line a value sits. */
export type YamlSource = {
  /** The parsed value (plain JS). */
  value: unknown;
  /** The line of the value at `path`, or of its nearest parent that exists. */
  lineOf: (path: ReadonlyArray<PropertyKey>) => number;
};

/**
 * Parses YAML text that starts at `firstLine` of its file, reporting syntax
 * errors with their line. Returns undefined when the YAML is malformed.
 */
export function parseYaml(text: string, report: Reporter, firstLine = 1): YamlSource | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const line = (error.linePos?.[0]?.line ?? 1) + firstLine - 1;
      report(line, `malformed YAML: ${error.message.split('\n')[0]}`);
    }
    return undefined;
  }
  const lineOf = (path: ReadonlyArray<PropertyKey>): number => {
    for (let length = path.length; length >= 0; length -= 1) {
      const node = document.getIn(path.slice(0, length) as unknown[], true);
      if (isNode(node) && node.range) {
        return lineCounter.linePos(node.range[0]).line + firstLine - 1;
      }
    }
    return firstLine;
  };
  return { value: document.toJS(), lineOf };
}

/** Describes a zod issue path the way an author reads it: `sections[2].items[0].owner`. */
export function describePath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

/** Validates YAML against a schema, reporting each issue at its line with the field and what was expected. */
export function validateYaml<T>(
  source: YamlSource,
  schema: z.ZodType<T>,
  report: Reporter,
  what: string,
): T | undefined {
  const result = schema.safeParse(source.value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        report(
          source.lineOf([...issue.path, key]),
          `${what}${issue.path.length > 0 ? ` field "${describePath(issue.path)}"` : ''}: unknown field "${key}"`,
        );
      }
      continue;
    }
    const field = describePath(issue.path);
    const missing =
      issue.code === 'invalid_type' && valueAt(source.value, issue.path) === undefined;
    report(
      source.lineOf(issue.path),
      `${what}${field ? ` field "${field}"` : ''}: ${missing ? `is missing (${issue.message.replace(/^Invalid input: /, '').replace(/, received undefined$/, '')})` : issue.message}`,
    );
  }
  return undefined;
}

function valueAt(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = value;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}
