/**
 * The render pool's worker (bundled to build/render-worker.js): each worker
 * thread loads @groundwork/pdf once and renders the tasks piscina hands it,
 * answering with an outcome so the kind of a failure survives the thread boundary.
 */
export { renderPdfOutcome as default } from '../app/lib/documents/pdf-renderer.server';
