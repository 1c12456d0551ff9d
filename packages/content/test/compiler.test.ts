import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLibrary } from '../compiler/compile-library.js';
import { type LibraryProblem, LibraryBuildError } from '../compiler/problems.js';

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);

function problemsOf(name: string): Array<{ file: string; line: number; message: string }> {
  try {
    compileLibrary({ libraryDir: fixture(name) });
  } catch (error) {
    if (error instanceof LibraryBuildError) {
      return error.problems.map((problem: LibraryProblem) => ({
        ...problem,
        file: problem.file.slice(fixture(name).length + 1),
      }));
    }
    throw error;
  }
  throw new Error(`fixture ${name} compiled without problems`);
}

describe('compileLibrary on a valid library', () => {
  const library = compileLibrary({ libraryDir: fixture('valid') });
  const consent = library.documents.find((d) => d.id === 'sample-consent' && d.locale === 'en');

  it('compiles every document, the references and the checklist', () => {
    expect(library.documents.map((d) => `${d.id}/${d.locale}`)).toEqual([
      'sample-consent/en',
      'sample-consent/es',
      'sample-form/en',
      'sample-guide/en',
    ]);
    expect(library.references.map((r) => r.id)).toEqual(['known-source', 'other-source']);
    expect(library.checklist?.sections[0]?.items[0]?.appliesWhen).toEqual({
      routesAny: ['iv'],
      telehealth: false,
      states: ['CA'],
    });
  });

  it('turns each construct into its block, with positional ids', () => {
    expect(consent?.sections.map((s) => [s.id, s.title, s.routes])).toEqual([
      ['intro', undefined, undefined],
      ['shared', 'Shared part', undefined],
      ['by-iv', 'By IV', ['iv']],
      ['by-spray', 'By spray', ['im', 'intranasal-esketamine']],
    ]);
    const shared = consent?.sections[1]?.blocks ?? [];
    expect(shared.map((b) => `${b.id}:${b.type}`)).toEqual([
      'shared.1:heading',
      'shared.2:paragraph',
      'shared.3:list',
      'shared.4:table',
      'shared.5:callout',
      'shared.6:callout',
      'shared.7:definitions',
      'shared.8:acknowledgement',
      'shared.9:pageBreak',
      'shared.10:signature',
    ]);
    expect(shared[1]).toEqual({
      type: 'paragraph',
      id: 'shared.2',
      content: [
        { type: 'text', value: 'Plain, ' },
        { type: 'strong', children: [{ type: 'text', value: 'strong' }] },
        { type: 'text', value: ', ' },
        { type: 'emphasis', children: [{ type: 'text', value: 'emphasis' }] },
        { type: 'text', value: ', ' },
        { type: 'link', url: 'https://example.org', children: [{ type: 'text', value: 'a link' }] },
        { type: 'text', value: ', a citation ' },
        { type: 'citation', referenceIds: ['known-source'] },
        { type: 'text', value: ' and two ' },
        { type: 'citation', referenceIds: ['known-source', 'other-source'] },
        { type: 'text', value: '. We open at 10:30 on ' },
        { type: 'placeholder', name: 'date' },
        { type: 'text', value: '.' },
      ],
    });
    expect(shared[2]).toMatchObject({
      ordered: true,
      items: [
        {
          content: [{ value: 'First' }],
          list: { ordered: false, items: [{ content: [{ value: 'Nested' }] }] },
        },
        { content: [{ value: 'Second' }] },
      ],
    });
    expect(shared[3]).toMatchObject({
      align: ['left', 'right'],
      header: [[{ value: 'Name' }], [{ value: 'Value' }]],
      rows: [[[{ value: 'Phone' }], [{ type: 'placeholder', name: 'practice.phone' }]]],
    });
    expect(shared[4]).toMatchObject({
      tone: 'warning',
      title: 'Call us or 911',
      blocks: [
        { id: 'shared.5.1', type: 'paragraph' },
        { id: 'shared.5.2', type: 'list' },
      ],
    });
    expect(shared[5]).not.toHaveProperty('title');
    expect(shared[6]).toMatchObject({
      items: [
        {
          term: 'Dissociation',
          definition: [{ value: 'A feeling of being apart from your body.' }],
        },
        { term: 'Integration', definition: [{ value: 'Sessions after dosing.' }] },
      ],
    });
    expect(shared[9]).toEqual({
      type: 'signature',
      id: 'shared.10',
      parties: ['patient', 'clinician', 'witness'],
      date: true,
    });
  });

  it('compiles the form blocks: fields, a table with blank rows, tick boxes, who initials and whose date is prefilled', () => {
    const form = library.documents.find((d) => d.id === 'sample-form');
    expect(form?.kind).toBe('form');
    const blocks = form?.sections[0]?.blocks ?? [];
    expect(blocks.map((b) => `${b.id}:${b.type}`)).toEqual([
      'details.1:fields',
      'details.2:table',
      'details.3:checkboxes',
      'details.4:acknowledgement',
      'details.5:signature',
    ]);
    expect(blocks[0]).toEqual({
      type: 'fields',
      id: 'details.1',
      items: [{ label: 'Patient name' }, { label: 'Date of session' }],
    });
    expect(blocks[1]).toMatchObject({
      rows: [
        [[{ value: 'Before dose' }], [], []],
        [[], [], []],
      ],
    });
    expect(blocks[2]).toMatchObject({
      items: [
        [{ value: 'Vital signs back near baseline ' }, { type: 'citation' }],
        [{ value: 'Ride home is here' }],
      ],
    });
    expect(blocks[3]).toMatchObject({ initialledBy: 'clinician' });
    expect(blocks[4]).toEqual({
      type: 'signature',
      id: 'details.5',
      parties: ['patient', 'interpreter', 'clinician'],
      date: true,
      prefillDate: ['patient'],
    });
    const consentAcknowledgement = consent?.sections[1]?.blocks[7];
    expect(consentAcknowledgement).not.toHaveProperty('initialledBy');
  });

  it('resolves cited references in order of first citation and fills in the standard disclaimer', () => {
    expect(consent?.references.map((r) => r.id)).toEqual(['known-source', 'other-source']);
    expect(consent?.disclaimer).toMatch(/^This document is general information/);
    const spanish = library.documents.find((d) => d.locale === 'es');
    expect(spanish?.disclaimer).toBe('Un descargo propio.');
    expect(spanish?.references.map((r) => r.id)).toEqual(['known-source', 'other-source']);
    const guide = library.documents.find((d) => d.id === 'sample-guide');
    expect(guide?.references.map((r) => r.id)).toEqual(['other-source']);
  });

  it('reads a long document from _document.md and its chapters in file-name order', () => {
    const guide = library.documents.find((d) => d.id === 'sample-guide');
    expect(guide?.sections.map((s) => s.id)).toEqual(['first', 'second']);
    expect(guide?.references.map((r) => r.id)).toEqual(['other-source']);
  });
});

describe('compileLibrary error messages name the file, the line and what was expected', () => {
  it.each<[string, Array<[string, number, RegExp]>]>([
    [
      'bad-front-matter',
      [
        [
          'a-handout/en.md',
          3,
          /field "kind": .*expected one of "guide"\|"handout"\|"consent"\|"checklist"\|"form"/,
        ],
        ['a-handout/en.md', 2, /field "version": is missing \(expected string\)/],
        ['a-handout/en.md', 8, /field "reviewedAt": a date written YYYY-MM-DD/],
        ['a-handout/en.md', 10, /unknown field "colour"/],
      ],
    ],
    ['malformed-yaml', [['a-handout/en.md', 2, /malformed YAML: Flow sequence .* end with a \]/]]],
    [
      'bad-inline',
      [
        [
          'a-handout/en.md',
          15,
          /unknown placeholder \{\{practice\.fax\}\}; expected one of practice\.name, .*date/,
        ],
        [
          'a-handout/en.md',
          17,
          /unknown citation id "unknown-source"; add it to library\/references\.yaml/,
        ],
        [
          'a-handout/en.md',
          18,
          /malformed citation "\[@known-source; other-source\]"; expected \[@reference-id\]/,
        ],
        ['a-handout/en.md', 20, /stray "\{\{"/],
        ['a-handout/en.md', 20, /inline code .* write plain text/],
        ['a-handout/en.md', 22, /link to "javascript:alert\(1\)"; expected an https:\/\//],
      ],
    ],
    [
      'bad-blocks',
      [
        [
          'a-handout/en.md',
          13,
          /## heading needs a stable id at its end, e\.g\. "## No id here \{#some-id\}"/,
        ],
        [
          'a-handout/en.md',
          17,
          /routes="iv oral" must list route ids out of iv, im, oral-sublingual, intranasal-esketamine/,
        ],
        ['a-handout/en.md', 21, /unknown directive ":::sidebar"; expected one of :::info/],
        [
          'a-handout/en.md',
          25,
          /::signature needs parties out of patient, interpreter, clinician, witness/,
        ],
        ['a-handout/en.md', 27, /a # heading is not allowed/],
        ['a-handout/en.md', 29, /a code block is not part of the format/],
        ['a-handout/en.md', 33, /raw HTML is not part of the format/],
        [
          'a-handout/en.md',
          42,
          /:::info may hold paragraphs and lists only, found a heading; is the closing ::: of :::info missing above it\?/,
        ],
        ['a-handout/en.md', 35, /duplicate section id "routes" \(first used at .*en\.md:17\)/],
      ],
    ],
    [
      'bad-form',
      [
        [
          'a-form/en.md',
          15,
          /:::acknowledgement initialledBy="nurse" must be one of patient, clinician, interpreter/,
        ],
        [
          'a-form/en.md',
          19,
          /::signature prefillDate="witness" must name parties of the block \(patient, clinician\)/,
        ],
        ['a-form/en.md', 21, /:::fields must hold exactly one list, one item per field label/],
        ['a-form/en.md', 25, /:::checkboxes takes no attributes; found size/],
      ],
    ],
    [
      'bad-checklist',
      [
        [
          'onboarding-checklist/template.yaml',
          15,
          /field "sections\[0\]\.items\[0\]\.owner": .*expected one of "owner"\|"prescriber"/,
        ],
        [
          'onboarding-checklist/template.yaml',
          24,
          /field "sections\[0\]\.items\[1\]\.appliesWhen\.states\[0\]"/,
        ],
        [
          'onboarding-checklist/template.yaml',
          14,
          /unknown citation id "missing-source" in item "first-item"/,
        ],
        ['onboarding-checklist/template.yaml', 25, /duplicate item id "second-item"/],
        [
          'onboarding-checklist/template.yaml',
          29,
          /unknown citation id "missing-source" in item "second-item"/,
        ],
      ],
    ],
    [
      'bad-references',
      [
        ['references.yaml', 5, /field "\[1\]\.url": a reference needs a url, a doi or a pmid/],
        ['references.yaml', 8, /duplicate reference id "ok-source"/],
      ],
    ],
    [
      'bad-translation',
      [
        [
          'sample-consent/es.md',
          1,
          /version "1\.3\.0" differs from the English version's "1\.2\.0"/,
        ],
        [
          'sample-consent/es.md',
          1,
          /section \{#by-iv\} of the English version is missing; expected the sections \{#intro\}, \{#shared\}, \{#by-iv\}, \{#by-spray\}/,
        ],
        ['sample-consent/es.md', 49, /section \{#iv\} is not in the English version/],
        [
          'sample-consent/es.md',
          16,
          /section \{#shared\} does not match the English version's blocks: expected shared\.6 \(callout\), found shared\.6 \(definitions\)/,
        ],
        [
          'sample-consent/es.md',
          53,
          /section \{#by-spray\} has routes "intranasal-esketamine" but the English version has "im intranasal-esketamine"/,
        ],
      ],
    ],
    [
      'mismatch',
      [
        ['right-id/notes.txt', 1, /unexpected file; expected <locale>\.md/],
        ['a-guide/en/01-chapter.md', 1, /a chapter file starts with a ## section heading/],
        ['right-id/en.md', 2, /id "wrong-id" must match its folder name "right-id"/],
        ['right-id/en.md', 5, /locale "es" must match its file or folder name "en"/],
      ],
    ],
  ])('%s', (name, expected) => {
    const problems = problemsOf(name);
    expect(problems).toHaveLength(expected.length);
    expected.forEach(([file, line, message], index) => {
      expect(problems[index]).toEqual({ file, line, message: expect.stringMatching(message) });
    });
  });

  it('puts every problem in the error message as file:line: message', () => {
    expect(() => compileLibrary({ libraryDir: fixture('bad-inline') })).toThrow(
      /bad-inline\/a-handout\/en\.md:15: unknown placeholder \{\{practice\.fax\}\}/,
    );
  });
});
