// Private test helpers shared by the published packages' suites.
export { readmeExamples, runReadmeExample } from './readme-examples.js';
export type { ReadmeExample, ReadmeExampleRun } from './readme-examples.js';
