import { CONTENT_SCHEMA_VERSION, isCompatibleSchemaVersion } from '@groundwork/content';
import { describe, expect, it } from 'vitest';

describe('schema version', () => {
  it('is a semver string', () => {
    expect(CONTENT_SCHEMA_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('accepts the same major and rejects another', () => {
    const [major] = CONTENT_SCHEMA_VERSION.split('.');
    expect(isCompatibleSchemaVersion(`${major}.99.0`)).toBe(true);
    expect(isCompatibleSchemaVersion(`${Number(major) + 1}.0.0`)).toBe(false);
  });

  it('names what it expected on bad input', () => {
    expect(() => isCompatibleSchemaVersion('v1')).toThrow(/must look like "1.2.3".*"v1"/);
  });
});
