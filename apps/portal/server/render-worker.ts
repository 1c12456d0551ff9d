/**
 * The render pool's worker (bundled to build/render-worker.js): each worker
 * thread loads @groundwork/pdf once and renders the tasks piscina hands it.
 */
export { renderPdfTask as default } from '../app/lib/documents/pdf-renderer.server';
