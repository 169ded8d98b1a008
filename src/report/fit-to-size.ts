/** How large a rendering may be and how its size is counted. */
export interface SizeLimit {
  /** The largest size, as `measure` counts. */
  maxSize: number;
  /** Characters for comments, UTF-8 bytes for the job summary. */
  measure: (text: string) => number;
  /** Names the limit in the note, e.g. "GitHub's 65,536-character comment limit". */
  limitName: string;
}

/**
 * Renders with as few items left out as fits: all of them when that fits, else the smallest
 * number of leading items of `order` left out (found by bisection). When even leaving all out
 * does not fit, the rendering is cut at a line break and says so.
 * @param order the items, the first to leave out first
 * @param assemble renders with the given items left out
 * @param limit the size limit
 * @returns the rendering
 */
export function fitToSize<T>(order: readonly T[], assemble: (hidden: ReadonlySet<T>) => string, limit: SizeLimit): string {
  const fits = (folded: number) => {
    const text = assemble(new Set(order.slice(0, folded)));
    return limit.measure(text) <= limit.maxSize ? text : null;
  };
  const whole = fits(0);
  if (whole !== null) return whole;
  let best = fits(order.length);
  if (best === null) return cutToSize(assemble(new Set(order)), limit);
  let low = 1;
  let high = order.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const text = fits(middle);
    if (text === null) low = middle + 1;
    else {
      best = text;
      high = middle;
    }
  }
  return best;
}

/**
 * The last resort when even the rendering without rows is too large: cut at a line break, and say so.
 * @param text the rendering
 * @param limit the size limit
 */
export function cutToSize(text: string, limit: SizeLimit): string {
  const tail = `\n\n… cut to stay under ${limit.limitName}.\n`;
  let end = Math.min(text.length, limit.maxSize);
  while (end > 0 && limit.measure(text.slice(0, end) + tail) > limit.maxSize) end = Math.floor(end * 0.9);
  const cut = text.slice(0, end);
  const lineEnd = cut.lastIndexOf('\n');
  return `${lineEnd > 0 ? cut.slice(0, lineEnd) : cut}${tail}`;
}
