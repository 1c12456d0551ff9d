import { runLanguage, type StructureTag, structureTagOf } from './structure-tag.js';
import type { Tagger } from './tagger.js';

/** A node of react-pdf's laid-out tree, as far as tagging reads it. */
export interface LayoutNode {
  type: string;
  props?: Record<string, unknown>;
  style?: Record<string, unknown>;
  box?: unknown;
  children?: LayoutNode[];
  lines?: LayoutLine[];
}

interface LayoutLine {
  string: string;
  runs: LayoutRun[];
}

interface LayoutRun {
  start: number;
  end: number;
  glyphs?: unknown[];
  attributes: { link?: string | null; underlineStyle?: unknown };
}

/** Node types drawn as text, or as boxes holding other nodes; anything else (SVG, canvas) is an artifact. */
const TEXT = 'TEXT';
const BOX_TYPES = new Set([
  'VIEW',
  'LINK',
  'PAGE',
  'IMAGE',
  'TEXT_INPUT',
  'CHECKBOX',
  'SELECT',
  'LIST',
  'FIELD_SET',
]);
const FORM_TYPES = new Set(['TEXT_INPUT', 'CHECKBOX', 'SELECT', 'LIST']);
const DECORATION = [
  'backgroundColor',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
] as const;

/**
 * react-pdf's renderer reads a node's `style.overflow` first thing, before it
 * saves the graphics state and draws anything: a getter there runs `hook` at
 * the very start of the node.
 */
function onStart(node: LayoutNode, hook: () => void): void {
  const style = { ...(node.style ?? {}) };
  const overflow = style.overflow;
  Object.defineProperty(style, 'overflow', {
    enumerable: true,
    get() {
      hook();
      return overflow;
    },
  });
  node.style = style;
}

/** A node with no box and no props: the renderer draws nothing for it but reads its style, which runs `hook`. */
function marker(hook: () => void): LayoutNode {
  const node: LayoutNode = { type: TEXT, children: [] };
  onStart(node, hook);
  return node;
}

function isDecorated(style: Record<string, unknown> | undefined): boolean {
  if (!style) return false;
  return DECORATION.some((key) => {
    const value = style[key];
    return key === 'backgroundColor' ? Boolean(value) : typeof value === 'number' && value > 0;
  });
}

function runText(line: LayoutLine, run: LayoutRun): string {
  return line.string.slice(run.start, run.end);
}

/** All text a subtree draws, for a link's description. */
function textOf(node: LayoutNode): string {
  if (node.type === TEXT)
    return (node.lines ?? [])
      .map((line) => line.runs.map((run) => runText(line, run)).join(''))
      .join(' ');
  return (node.children ?? []).map(textOf).filter(Boolean).join(' ');
}

/**
 * textkit breaks words only at spaces or at hyphenation points, where it
 * appends a hyphen to the line: a line that ends in a hyphen right after a
 * letter or a hyphen ends in one it inserted (a word's own hyphen is never a
 * break by itself).
 */
const INSERTED_HYPHEN = /[\p{L}\p{N}-]-$/u;

/** Runs `hook` with each run of a Text as the renderer starts drawing it (it reads `run.glyphs` first). */
function hookRuns(node: LayoutNode, tagger: Tagger): void {
  for (const line of node.lines ?? []) {
    const last = line.runs.at(-1);
    for (const run of line.runs) {
      const glyphs = run.glyphs;
      if (!glyphs?.length) continue;
      const text = runText(line, run);
      const tag = {
        link: run.attributes.link ?? null,
        lang: runLanguage(run.attributes),
        text,
        // Read the word whole: the line-break hyphen is not part of the text.
        ...(run === last && INSERTED_HYPHEN.test(line.string)
          ? { actualText: text.slice(0, -1) }
          : {}),
      };
      Object.defineProperty(run, 'glyphs', {
        configurable: true,
        enumerable: true,
        get() {
          tagger.runContent(tag);
          return glyphs;
        },
      });
    }
  }
}

/**
 * Wires a laid-out document to a {@link Tagger}: each node tells the tagger
 * when it starts and ends (an empty marker node after it), and each text run
 * when it is drawn, so the structure tree follows react-pdf's own drawing
 * order. Roles come from the `structure()` props components set; untagged
 * Text becomes a paragraph, boxes are transparent, their backgrounds and
 * borders artifacts. A `fixed` node repeated on a later page (a table's
 * header row) is an artifact there.
 */
export function instrumentLayout(document: LayoutNode, tagger: Tagger): void {
  const lastOccurrence = new Map<object, LayoutNode>();
  const collect = (node: LayoutNode) => {
    if (node.props) lastOccurrence.set(identity(node.props), node);
    if (node.type !== TEXT) node.children?.forEach(collect);
  };
  document.children?.forEach(collect);
  const seenFixed = new Set<object>();

  const instrument = (node: LayoutNode): LayoutNode[] => {
    const props = node.props ?? {};
    const tag = structureTagOf(props);
    const key = identity(props);
    const repeated = Boolean(props.fixed) && seenFixed.has(key);
    if (props.fixed) seenFixed.add(key);
    if (
      tag?.roles === 'Artifact' ||
      repeated ||
      !(node.type === TEXT || BOX_TYPES.has(node.type))
    ) {
      const kind = repeated ? 'Pagination' : (tag?.artifact ?? 'Layout');
      onStart(node, () => tagger.beginArtifact(kind));
      return [node, marker(() => tagger.endArtifact())];
    }
    const final = lastOccurrence.get(key) === node;
    const decorated = isDecorated(node.style);
    const ownTag = tag ?? defaultTag(node);
    if (node.type === TEXT) {
      onStart(node, () => tagger.beginNode(key, ownTag, { text: true, decorated }));
      hookRuns(node, tagger);
    } else if (node.type === 'IMAGE' && !ownTag) {
      onStart(node, () => tagger.beginArtifact('Layout'));
      return [node, marker(() => tagger.endArtifact())];
    } else {
      const content = node.type === 'IMAGE';
      const linkTag =
        node.type === 'LINK' && ownTag && !ownTag.alt ? { ...ownTag, alt: textOf(node) } : ownTag;
      onStart(node, () => tagger.beginNode(key, linkTag, { decorated, content }));
      if (node.children) node.children = node.children.flatMap(instrument);
    }
    return [node, marker(() => tagger.endNode(final))];
  };

  for (const page of document.children ?? []) {
    page.children = [
      marker(() => tagger.beginPage()),
      ...(page.children ?? []).flatMap(instrument),
      marker(() => tagger.endPage()),
    ];
  }
}

/**
 * What identifies a node across pages. When react-pdf splits a node over a
 * page break it copies the props (dropping a bookmark from the second part),
 * but the tag object inside stays the same one; untagged nodes fall back to
 * their props.
 */
function identity(props: Record<string, unknown>): object {
  return structureTagOf(props) ?? props;
}

/** What an untagged node is by its type: a link box is a Link, a form field a Form. */
function defaultTag(node: LayoutNode): StructureTag | undefined {
  if (node.type === 'LINK') return { roles: ['Link'] };
  if (FORM_TYPES.has(node.type)) return { roles: ['Form'] };
  return undefined;
}
