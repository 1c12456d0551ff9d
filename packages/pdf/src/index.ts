export { PAPER_SIZES, paperDimensions } from './paper.js';
export type { PaperSize } from './paper.js';
