import { CONTENT_SCHEMA_VERSION } from '@groundwork/content';
import { describe, expect, it } from 'vitest';
import { loader } from './_index';

describe('landing page loader', () => {
  it('reports the content model version it was built against', () => {
    expect(loader()).toEqual({ contentSchemaVersion: CONTENT_SCHEMA_VERSION });
  });
});
