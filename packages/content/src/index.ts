export { CONTENT_SCHEMA_VERSION, isCompatibleSchemaVersion } from './schema-version.js';
