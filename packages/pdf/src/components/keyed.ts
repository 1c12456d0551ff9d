/**
 * Pairs each item of a static list with a React key made from its position.
 * Content lists never reorder between renders (a PDF is rendered once), so the
 * position is a stable identity; items with their own ids should use those.
 */
export function keyed<T>(
  items: readonly T[],
  prefix = '',
): { key: string; item: T; position: number }[] {
  return items.map((item, position) => ({ key: `${prefix}${position}`, item, position }));
}
