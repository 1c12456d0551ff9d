import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ChecklistTemplate } from '../src/model/checklist.js';
import { STANDARD_DISCLAIMER } from '../src/model/disclaimer.js';
import { type Document, DocumentSchema, type Section } from '../src/model/document.js';
import { type CompiledLibrary, CompiledLibrarySchema } from '../src/model/library.js';
import type { Reference } from '../src/model/reference.js';
import { LOCALES, type Locale } from '../src/model/routes.js';
import { CONTENT_SCHEMA_VERSION } from '../src/schema-version.js';
import { compileChecklist } from './checklist.js';
import { FrontMatterSchema } from './front-matter.js';
import type { InlineContext } from './inline.js';
import { LibraryBuildError, ProblemLog } from './problems.js';
import { compileReferences } from './references.js';
import { parseMarkdown, toSections } from './sections.js';
import { describePath, parseYaml, validateYaml } from './yaml-source.js';

/** The checklist template's place in the library. */
export const CHECKLIST_PATH = 'onboarding-checklist/template.yaml';

type DocumentFiles = { id: string; locale: Locale; files: string[] };

function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

function listDocumentFiles(libraryDir: string, log: ProblemLog): DocumentFiles[] {
  const found: DocumentFiles[] = [];
  for (const id of readdirSync(libraryDir).sort()) {
    const dir = join(libraryDir, id);
    if (!statSync(dir).isDirectory()) {
      if (id !== 'references.yaml' && id !== 'README.md') {
        log.add(
          dir,
          1,
          'unexpected file; the library root holds references.yaml and one folder per document',
        );
      }
      continue;
    }
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      const stem = entry.replace(/\.md$/, '');
      if (`${id}/${entry}` === CHECKLIST_PATH) continue;
      if (statSync(path).isDirectory() && isLocale(entry)) {
        const chapters = readdirSync(path)
          .filter((name) => name.endsWith('.md') && name !== '_document.md')
          .sort();
        const others = readdirSync(path).filter((name) => !name.endsWith('.md'));
        for (const other of others) {
          log.add(
            join(path, other),
            1,
            'unexpected file; a long document holds _document.md and chapter .md files',
          );
        }
        if (!existsSync(join(path, '_document.md'))) {
          log.add(
            join(path, '_document.md'),
            1,
            'missing: a long document needs _document.md with its front matter',
          );
          continue;
        }
        found.push({
          id,
          locale: entry,
          files: [join(path, '_document.md'), ...chapters.map((name) => join(path, name))],
        });
      } else if (entry.endsWith('.md') && isLocale(stem)) {
        found.push({ id, locale: stem, files: [path] });
      } else {
        log.add(
          path,
          1,
          `unexpected file; expected <locale>.md or a <locale>/ folder (locales: ${LOCALES.join(', ')}) or ${CHECKLIST_PATH}`,
        );
      }
    }
  }
  return found;
}

function compileDocument(
  entry: DocumentFiles,
  registry: ReadonlyMap<string, Reference>,
  log: ProblemLog,
): Document | undefined {
  const before = log.problems.length;
  const sections: Section[] = [];
  const sectionFiles = new Map<string, string>();
  const cited: string[] = [];
  let frontMatter: ReturnType<typeof FrontMatterSchema.parse> | undefined;
  const [firstFile] = entry.files;
  for (const file of entry.files) {
    const report = log.forFile(file);
    const source = readFileSync(file, 'utf8');
    const tree = parseMarkdown(source);
    const yamlNode = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
    if (file === firstFile) {
      if (!yamlNode) {
        report(
          1,
          'missing front matter; a document starts with --- and the fields in docs/content-authoring.md',
        );
      } else {
        const yaml = parseYaml(yamlNode.value, report, (yamlNode.position?.start.line ?? 1) + 1);
        frontMatter = yaml && validateYaml(yaml, FrontMatterSchema, report, 'front matter');
        if (frontMatter && yaml) {
          if (frontMatter.id !== entry.id) {
            report(
              yaml.lineOf(['id']),
              `id "${frontMatter.id}" must match its folder name "${entry.id}"`,
            );
          }
          if (frontMatter.locale !== entry.locale) {
            report(
              yaml.lineOf(['locale']),
              `locale "${frontMatter.locale}" must match its file or folder name "${entry.locale}"`,
            );
          }
        }
      }
    } else if (yamlNode) {
      report(1, 'a chapter file has no front matter; it belongs in _document.md');
    }
    const context: InlineContext = {
      source,
      referenceIds: new Set(registry.keys()),
      cited,
      report,
    };
    const fileSections = toSections(tree.children, context, {
      allowIntro: file === firstFile,
      file,
    });
    for (const { section, line } of fileSections) {
      const other = sectionFiles.get(section.id);
      if (other !== undefined) {
        report(line, `duplicate section id "${section.id}" (first used at ${other})`);
      } else if (section.blocks.length === 0) {
        report(line, `section {#${section.id}} has no content`);
      }
      if (other === undefined) sectionFiles.set(section.id, `${file}:${line}`);
      sections.push(section);
    }
  }
  if (!frontMatter || log.problems.length > before) return undefined;
  const document: Document = {
    ...frontMatter,
    disclaimer: frontMatter.disclaimer ?? STANDARD_DISCLAIMER[frontMatter.locale],
    references: cited.flatMap((id) => registry.get(id) ?? []),
    sections,
  };
  const checked = DocumentSchema.safeParse(document);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      log.add(
        firstFile ?? entry.id,
        1,
        `document field "${describePath(issue.path)}": ${issue.message}`,
      );
    }
    return undefined;
  }
  return checked.data;
}

/**
 * Compiles the library folder (Markdown documents, references.yaml, the
 * checklist template) into the validated content model. Throws a
 * `LibraryBuildError` listing every problem with its file and line.
 */
export function compileLibrary(options: { libraryDir: string }): CompiledLibrary {
  const { libraryDir } = options;
  const log = new ProblemLog();
  const referencesPath = join(libraryDir, 'references.yaml');
  let references: Reference[] = [];
  if (existsSync(referencesPath)) {
    references = compileReferences(
      readFileSync(referencesPath, 'utf8'),
      log.forFile(referencesPath),
    );
  } else {
    log.add(referencesPath, 1, 'missing: the library needs its references registry');
  }
  const registry = new Map(references.map((reference) => [reference.id, reference]));

  const documents: Document[] = [];
  const seen = new Set<string>();
  for (const entry of listDocumentFiles(libraryDir, log)) {
    const key = `${entry.id}/${entry.locale}`;
    if (seen.has(key)) {
      log.add(
        entry.files[0] ?? key,
        1,
        `"${entry.id}" has two "${entry.locale}" versions (a file and a folder)`,
      );
      continue;
    }
    seen.add(key);
    const document = compileDocument(entry, registry, log);
    if (document) documents.push(document);
  }

  let checklist: ChecklistTemplate | undefined;
  const checklistPath = join(libraryDir, CHECKLIST_PATH);
  if (existsSync(checklistPath)) {
    checklist = compileChecklist(
      readFileSync(checklistPath, 'utf8'),
      new Set(registry.keys()),
      log.forFile(checklistPath),
    );
  }

  if (log.problems.length > 0) throw new LibraryBuildError(log.problems);
  return CompiledLibrarySchema.parse({
    schemaVersion: CONTENT_SCHEMA_VERSION,
    references,
    documents,
    checklist: checklist ?? null,
  });
}
