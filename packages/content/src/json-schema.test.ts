import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { contentJsonSchema, JSON_SCHEMA_NAMES } from '@groundwork/content';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

describe('JSON Schema export', () => {
  it.each(
    JSON_SCHEMA_NAMES,
  )('ships %s through the exports map, equal to contentJsonSchema', (name) => {
    const path = require.resolve(`@groundwork/content/schema/${name}.json`);
    const shipped = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    expect(shipped).toEqual(contentJsonSchema(name));
    expect(shipped.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('describes a document with its required fields and block types', () => {
    const schema = contentJsonSchema('document') as {
      required: string[];
      properties: Record<string, unknown>;
    };
    expect(schema.required).toEqual(
      expect.arrayContaining([
        'id',
        'kind',
        'locale',
        'version',
        'reviewedAt',
        'reviewer',
        'disclaimer',
        'sections',
      ]),
    );
    const text = JSON.stringify(schema);
    for (const type of [
      'heading',
      'paragraph',
      'list',
      'callout',
      'table',
      'definitions',
      'acknowledgement',
      'signature',
      'pageBreak',
    ]) {
      expect(text).toContain(`"const":"${type}"`);
    }
  });
});
