import type { Root, RootContent } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Block } from '../src/model/blocks.js';
import type { Section } from '../src/model/document.js';
import { ROUTES, type Route } from '../src/model/routes.js';
import { toBlock } from './blocks.js';
import { type InlineContext, toTitle } from './inline.js';

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkDirective);

/** Parses Markdown with the library's syntax (GFM, YAML front matter, directives). */
export function parseMarkdown(text: string): Root {
  return processor.runSync(processor.parse(text)) as Root;
}

const HEADING_ATTRIBUTES = /^(.*?)\s*\{#([^\s}]*)((?:\s+[A-Za-z-]+="[^"]*")*)\s*\}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The id used for blocks that come before the first `##` heading. */
export const INTRO_SECTION_ID = 'intro';

function sectionHead(
  node: Extract<RootContent, { type: 'heading' }>,
  context: InlineContext,
): Omit<Section, 'blocks'> | undefined {
  const line = node.position?.start.line ?? 1;
  const raw = toTitle(node.children, context, 'a section title');
  const match = HEADING_ATTRIBUTES.exec(raw);
  if (!match) {
    context.report(line, `a ## heading needs a stable id at its end, e.g. "## ${raw} {#some-id}"`);
    return undefined;
  }
  const [, title = '', id = '', attributeText = ''] = match;
  if (!SLUG.test(id)) {
    context.report(
      line,
      `section id "${id}" must be a slug: lowercase letters, digits and hyphens`,
    );
    return undefined;
  }
  if (title === '') context.report(line, `section {#${id}} needs a title before its id`);
  let routes: Route[] | undefined;
  for (const [, name, value = ''] of attributeText.matchAll(/([A-Za-z-]+)="([^"]*)"/g)) {
    if (name !== 'routes') {
      context.report(line, `unknown section attribute "${name}"; only routes="..." is allowed`);
      continue;
    }
    const listed = value.split(/[\s,]+/).filter(Boolean);
    const unknown = listed.filter((route) => !(ROUTES as readonly string[]).includes(route));
    if (listed.length === 0 || unknown.length > 0) {
      context.report(line, `routes="${value}" must list route ids out of ${ROUTES.join(', ')}`);
      continue;
    }
    routes = ROUTES.filter((route) => listed.includes(route));
  }
  return { id, title, ...(routes ? { routes } : {}) };
}

/**
 * Splits a file's block nodes into sections at each `##` heading. Blocks
 * before the first heading form the intro section when `allowIntro`, and
 * are reported otherwise. Each section comes with the line it starts on.
 */
export function toSections(
  nodes: readonly RootContent[],
  context: InlineContext,
  options: { allowIntro: boolean; file: string },
): Array<{ section: Section; line: number }> {
  const sections: Array<{ section: Section; line: number }> = [];
  let current: Section | undefined;
  let skipping = false;
  for (const node of nodes) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading' && node.depth === 2) {
      const head = sectionHead(node, context);
      skipping = head === undefined;
      if (head) {
        current = { ...head, blocks: [] };
        sections.push({ section: current, line: node.position?.start.line ?? 1 });
      }
      continue;
    }
    if (skipping) continue;
    if (!current) {
      if (!options.allowIntro) {
        context.report(
          node.position?.start.line ?? 1,
          'a chapter file starts with a ## section heading (front matter and intro blocks belong in _document.md)',
        );
        skipping = true;
        continue;
      }
      current = { id: INTRO_SECTION_ID, blocks: [] };
      sections.push({ section: current, line: node.position?.start.line ?? 1 });
    }
    const block: Block | undefined = toBlock(
      node,
      `${current.id}.${current.blocks.length + 1}`,
      context,
    );
    if (block) current.blocks.push(block);
  }
  return sections;
}
