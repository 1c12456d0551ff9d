import type { PhrasingContent } from 'mdast';
import type { Inline } from '../src/model/inline.js';
import { isPlaceholderName, PLACEHOLDERS } from '../src/model/placeholders.js';
import type { Reporter } from './problems.js';

/** What converting inline content needs: the source, the known reference ids and where to report. */
export type InlineContext = {
  /** The whole file's text, to give text directives (`10:30`) back their literal text. */
  source: string;
  /** Ids of the references registry. */
  referenceIds: ReadonlySet<string>;
  /** Every reference id cited, in order of first citation (appended to). */
  cited: string[];
  report: Reporter;
};

const TOKEN = /\{\{([^{}]*)\}\}|\[(@[^\]]*)\]/g;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function lineAt(value: string, index: number, firstLine: number): number {
  let line = firstLine;
  for (let at = 0; at < index; at += 1) if (value[at] === '\n') line += 1;
  return line;
}

function splitText(value: string, firstLine: number, context: InlineContext): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of value.matchAll(TOKEN)) {
    const line = lineAt(value, match.index, firstLine);
    if (match.index > last) out.push({ type: 'text', value: value.slice(last, match.index) });
    last = match.index + match[0].length;
    const placeholder = match[1];
    if (placeholder !== undefined) {
      const name = placeholder.trim();
      if (isPlaceholderName(name)) {
        out.push({ type: 'placeholder', name });
      } else {
        context.report(
          line,
          `unknown placeholder {{${name}}}; expected one of ${PLACEHOLDERS.join(', ')}`,
        );
      }
      continue;
    }
    const ids = (match[2] ?? '').split(';').map((part) => part.trim());
    const referenceIds: string[] = [];
    for (const part of ids) {
      const id = part.startsWith('@') ? part.slice(1).trim() : '';
      if (!SLUG.test(id)) {
        context.report(
          line,
          `malformed citation ${JSON.stringify(match[0])}; expected [@reference-id] or [@one; @two]`,
        );
      } else if (!context.referenceIds.has(id)) {
        context.report(line, `unknown citation id "${id}"; add it to library/references.yaml`);
      } else {
        referenceIds.push(id);
        if (!context.cited.includes(id)) context.cited.push(id);
      }
    }
    if (referenceIds.length === ids.length) out.push({ type: 'citation', referenceIds });
  }
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
  const outsideTokens = value.replace(TOKEN, (token) => ' '.repeat(token.length));
  for (const stray of ['{{', '}}', '[@']) {
    const at = outsideTokens.indexOf(stray);
    if (at >= 0) {
      context.report(
        lineAt(value, at, firstLine),
        `stray "${stray}"; a placeholder is written {{practice.name}} and a citation [@reference-id]`,
      );
    }
  }
  return out;
}

function mergeText(run: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of run) {
    const previous = out.at(-1);
    if (inline.type === 'text' && previous?.type === 'text' && !previous.filledFrom) {
      out[out.length - 1] = { type: 'text', value: previous.value + inline.value };
    } else {
      out.push(inline);
    }
  }
  return out;
}

const LINK = /^(https?:\/\/|mailto:|tel:)\S+$/;

/** Converts mdast phrasing content to the model's inline content, reporting what is not allowed. */
export function toInlines(nodes: readonly PhrasingContent[], context: InlineContext): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const line = node.position?.start.line ?? 1;
    switch (node.type) {
      case 'text':
        out.push(...splitText(node.value, line, context));
        break;
      case 'textDirective': {
        // Directives are only ever block-level here: `10:30` or `ratio:high`
        // is plain text, so give it back exactly as written.
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        const literal =
          start !== undefined && end !== undefined
            ? context.source.slice(start, end)
            : `:${node.name}`;
        out.push(...splitText(literal, line, context));
        break;
      }
      case 'strong':
      case 'emphasis':
        out.push({ type: node.type, children: toInlines(node.children, context) });
        break;
      case 'link':
        if (!LINK.test(node.url)) {
          context.report(
            line,
            `link to ${JSON.stringify(node.url)}; expected an https://, http://, mailto: or tel: address`,
          );
        }
        out.push({ type: 'link', url: node.url, children: toInlines(node.children, context) });
        break;
      case 'break':
        out.push({ type: 'text', value: ' ' });
        break;
      case 'inlineCode':
        context.report(line, 'inline code (`...`) is not part of the format; write plain text');
        break;
      case 'html':
        context.report(
          line,
          'raw HTML is not allowed; use Markdown and the directives in docs/content-authoring.md',
        );
        break;
      case 'delete':
        context.report(line, 'strikethrough (~~...~~) is not part of the format');
        break;
      default:
        context.report(
          line,
          `${node.type} is not part of the format; expected text, **strong**, *emphasis*, [links](https://...), [@citations] or {{placeholders}}`,
        );
    }
  }
  return mergeText(out);
}

/** The plain text of mdast phrasing content (for titles), reporting placeholders and citations there. */
export function toTitle(
  nodes: readonly PhrasingContent[],
  context: InlineContext,
  what: string,
): string {
  const line = nodes[0]?.position?.start.line ?? 1;
  const flat = (list: readonly PhrasingContent[]): string =>
    list
      .map((node) => {
        if (node.type === 'text') return node.value;
        if (node.type === 'textDirective') {
          const start = node.position?.start.offset;
          const end = node.position?.end.offset;
          return start !== undefined && end !== undefined ? context.source.slice(start, end) : '';
        }
        if ('children' in node) return flat(node.children as PhrasingContent[]);
        if ('value' in node) return node.value;
        return '';
      })
      .join('');
  const text = flat(nodes);
  if (text.includes('{{') || text.includes('[@')) {
    context.report(
      line,
      `${what} cannot hold placeholders or citations; put them in the text below it`,
    );
  }
  return text.replace(/\s+/g, ' ').trim();
}
