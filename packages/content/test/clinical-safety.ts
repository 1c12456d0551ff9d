import { type Document, getChecklistTemplate, listDocuments, plainText } from '@groundwork/content';
import { inlineRuns } from './walk.js';

/** One piece of text with the context that decides whether it is route-specific. */
export type TextUnit = {
  where: string;
  text: string;
  routes: readonly string[] | undefined;
  /** For a table cell, the first cell of its row (the row's subject, such as a route). */
  rowLabel?: string;
};

/** Every paragraph, list item, table row and cell run of a document, with its section's routes. */
export function documentUnits(document: Document): TextUnit[] {
  return document.sections.flatMap((section) =>
    section.blocks.flatMap((block): TextUnit[] => {
      const where = `${document.id} (${document.locale}) ${block.id}`;
      if (block.type === 'table') {
        return [block.header, ...block.rows].flatMap((row) =>
          row.map((cell) => ({
            where,
            text: plainText(cell),
            routes: section.routes,
            rowLabel: plainText(row[0] ?? []),
          })),
        );
      }
      return inlineRuns(block).map((run) => ({
        where,
        text: plainText(run),
        routes: section.routes,
      }));
    }),
  );
}

/** The why and each step of every checklist item, with the routes it applies to. */
export function checklistUnits(): TextUnit[] {
  return getChecklistTemplate().sections.flatMap((section) =>
    section.items.flatMap((item) =>
      [item.title, item.why, ...item.steps].map((text) => ({
        where: `checklist ${item.id}`,
        text,
        routes: item.appliesWhen?.routesAny,
      })),
    ),
  );
}

function sentences(text: string): string[] {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  return [...segmenter.segment(text)].map((part) => part.segment.trim()).filter(Boolean);
}

const FORTY_MINUTES = /\b40[\s-]*(?:min|minutes|minutos)\b/i;
const MONITORING = /blood pressure|\bBP\b|recheck|check|monitor|presión|medimos|vigil/i;
const ESKETAMINE = /esketamin|spravato|\bREMS\b/i;

/**
 * Sentences that name a check about 40 minutes after dosing outside
 * esketamine-specific text: a section or checklist item limited to
 * intranasal esketamine, a table row naming it, or a sentence naming it.
 */
export function fortyMinuteChecksOutsideEsketamine(units: readonly TextUnit[]): string[] {
  const esketamineOnly = (routes: TextUnit['routes']) =>
    routes !== undefined && routes.length === 1 && routes[0] === 'intranasal-esketamine';
  return units.flatMap((unit) =>
    esketamineOnly(unit.routes)
      ? []
      : sentences(unit.text)
          .filter((sentence) => FORTY_MINUTES.test(sentence) && MONITORING.test(sentence))
          .filter(
            (sentence) =>
              !ESKETAMINE.test(sentence) && !ESKETAMINE.test(unit.text.split('|')[0] ?? ''),
          )
          .map((sentence) => `${unit.where}: ${sentence}`),
  );
}

const RISK_WORDS = { en: /\b(risks?|side effects?)\b/i, es: /\b(riesgos?|efectos secundarios)\b/i };
const RESPIRATORY = {
  en: /respiratory depression|slow(?:s|ed)? (?:your |their |the patient's )?breathing|breathe (?:too |very )?slowly|breathing very slowly/i,
  es: /depresión respiratoria|respiración (?:más |demasiado )?lenta|más lenta (?:su |la )?respiración|respira muy despacio/i,
};

/** Whether a document lists risks (names risks or side effects anywhere in its text). */
export function listsRisks(document: Document): boolean {
  return documentUnits(document).some((unit) => RISK_WORDS[document.locale].test(unit.text));
}

/** Whether a document mentions respiratory depression, in plain or clinical words. */
export function mentionsRespiratoryDepression(document: Document): boolean {
  return documentUnits(document).some((unit) => RESPIRATORY[document.locale].test(unit.text));
}

/** Every document of the library and the checklist, as text units. */
export function libraryUnits(): TextUnit[] {
  return [...listDocuments().flatMap(documentUnits), ...checklistUnits()];
}
