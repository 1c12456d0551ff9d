/** Paper sizes a Groundwork PDF can be printed on. */
export const PAPER_SIZES = ['LETTER', 'A4'] as const;

/** A paper size name. */
export type PaperSize = (typeof PAPER_SIZES)[number];

const POINTS: Record<PaperSize, { width: number; height: number }> = {
  LETTER: { width: 612, height: 792 },
  A4: { width: 595.28, height: 841.89 },
};

/** Page width and height in PDF points (1/72 inch) for a paper size name, case-insensitive. */
export function paperDimensions(paper: string): { width: number; height: number } {
  const key = paper.toUpperCase();
  const size = POINTS[key as PaperSize];
  if (!size) {
    throw new Error(
      `Unknown paper size ${JSON.stringify(paper)}: expected one of ${PAPER_SIZES.join(', ')}`,
    );
  }
  return size;
}
