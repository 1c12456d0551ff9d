import type { Block } from '../src/model/blocks.js';
import type { Document, Section } from '../src/model/document.js';
import type { ProblemLog } from './problems.js';

/** Where a compiled document came from: its first file and each section's file and line. */
export type DocumentSource = {
  document: Document;
  file: string;
  sectionLines: ReadonlyMap<string, { file: string; line: number }>;
};

/** `risks.2 (list)` for a block and, for a callout or acknowledgement, the blocks inside it. */
function blockShape(block: Block): string[] {
  const detail =
    block.type === 'acknowledgement'
      ? ` initialled by ${block.initialledBy ?? 'patient'}`
      : block.type === 'signature'
        ? ` for ${block.parties.join(' ')}${block.prefillDate ? `, date prefilled for ${block.prefillDate.join(' ')}` : ''}`
        : block.type === 'fields' || block.type === 'checkboxes'
          ? ` of ${block.items.length}`
          : '';
  const own = `${block.id} (${block.type}${detail})`;
  return block.type === 'callout' || block.type === 'acknowledgement'
    ? [own, ...block.blocks.map((inner) => `${inner.id} (${inner.type})`)]
    : [own];
}

function sectionShape(section: Section): string[] {
  return section.blocks.flatMap(blockShape);
}

function routesOf(section: Section): string {
  return section.routes?.join(' ') ?? '';
}

/**
 * Checks that every translation has its English version's version, sections
 * (ids, order and routes) and blocks (ids and types), so block ids mean the
 * same thing in every locale; reports each difference at the translation's
 * file and line.
 */
export function checkTranslations(sources: readonly DocumentSource[], log: ProblemLog): void {
  const english = new Map(
    sources
      .filter((source) => source.document.locale === 'en')
      .map((source) => [source.document.id, source.document]),
  );
  for (const { document, file, sectionLines } of sources) {
    const original = english.get(document.id);
    if (document.locale === 'en' || !original) continue;
    const where = (sectionId: string) => sectionLines.get(sectionId) ?? { file, line: 1 };
    if (document.version !== original.version) {
      log.add(
        file,
        1,
        `version "${document.version}" differs from the English version's "${original.version}"; a translation carries the version of the text it translates`,
      );
    }
    const expectedIds = original.sections.map((section) => section.id);
    const actualIds = document.sections.map((section) => section.id);
    for (const id of expectedIds.filter((id) => !actualIds.includes(id))) {
      log.add(
        file,
        1,
        `section {#${id}} of the English version is missing; expected the sections ${expectedIds.map((expected) => `{#${expected}}`).join(', ')}`,
      );
    }
    for (const id of actualIds.filter((id) => !expectedIds.includes(id))) {
      const { file: at, line } = where(id);
      log.add(at, line, `section {#${id}} is not in the English version`);
    }
    const shared = actualIds.filter((id) => expectedIds.includes(id));
    const sharedInEnglish = expectedIds.filter((id) => actualIds.includes(id));
    const misplaced = shared.findIndex((id, index) => id !== sharedInEnglish[index]);
    if (misplaced >= 0) {
      const id = shared[misplaced] ?? '';
      const { file: at, line } = where(id);
      log.add(
        at,
        line,
        `section {#${id}} is out of order; the English version has {#${sharedInEnglish[misplaced]}} here`,
      );
    }
    for (const section of document.sections) {
      const counterpart = original.sections.find((candidate) => candidate.id === section.id);
      if (!counterpart) continue;
      const { file: at, line } = where(section.id);
      if (routesOf(section) !== routesOf(counterpart)) {
        log.add(
          at,
          line,
          `section {#${section.id}} has routes "${routesOf(section)}" but the English version has "${routesOf(counterpart)}"`,
        );
      }
      const actual = sectionShape(section);
      const expected = sectionShape(counterpart);
      const differ = Math.max(actual.length, expected.length);
      for (let index = 0; index < differ; index++) {
        if (actual[index] === expected[index]) continue;
        log.add(
          at,
          line,
          `section {#${section.id}} does not match the English version's blocks: expected ${expected[index] ?? 'no more blocks'}, found ${actual[index] ?? 'no more blocks'}; a translation keeps every paragraph, list, callout and table of the English text, in the same order`,
        );
        break;
      }
    }
  }
}
