/**
 * Version of the content model's shape (not of any document). Bumped with a
 * major changeset whenever a stored document would need migrating, and its
 * minor when the model only gains optional fields, blocks or kinds.
 */
export const CONTENT_SCHEMA_VERSION = '1.1.0';

/** Whether a document written against `version` can be read by this model. */
export function isCompatibleSchemaVersion(version: string): boolean {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match) {
    throw new Error(`Schema version must look like "1.2.3", received ${JSON.stringify(version)}`);
  }
  return match[1] === CONTENT_SCHEMA_VERSION.split('.')[0];
}
