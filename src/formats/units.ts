import type { Direction } from '../results/schema.ts';

const SECONDS_PER_UNIT: Record<string, number> = {
  ns: 1e-9,
  nanoseconds: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  μs: 1e-6,
  microseconds: 1e-6,
  ms: 1e-3,
  milliseconds: 1e-3,
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  min: 60,
};

/** How to turn a tool's unit into benchgate's: multiply the value by `scale`. */
export interface UnitConversion {
  unit: string;
  scale: number;
  /** `null` when the unit alone does not say which way is better. */
  direction: Direction | null;
}

/**
 * Seconds in one `unit` (`'ms'` → 0.001), or `null` for a unit that is not a time.
 * @param unit a time unit as tools print it
 */
export function secondsPerUnit(unit: string): number | null {
  return SECONDS_PER_UNIT[unit.trim()] ?? SECONDS_PER_UNIT[unit.trim().toLowerCase()] ?? null;
}

/**
 * Normalises a unit: times (`ms`, `us/op`, `s/iter`) become `ns` (smaller is better), rates
 * (`ops/ms`, `MB/s`) become per second (bigger is better), `B/op` and `allocs/op` stay and are
 * smaller-is-better. Any other unit is kept as it is, with no direction.
 * @param unit the tool's unit
 * @example normaliseUnit('ops/ms') // => { unit: 'ops/s', scale: 1000, direction: 'bigger' }
 */
export function normaliseUnit(unit: string): UnitConversion {
  const trimmed = unit.trim();
  const time = secondsPerUnit(trimmed);
  if (time !== null) return { unit: 'ns', scale: time * 1e9, direction: 'smaller' };
  const slash = trimmed.lastIndexOf('/');
  if (slash > 0) {
    const head = trimmed.slice(0, slash);
    const tail = trimmed.slice(slash + 1);
    const headTime = secondsPerUnit(head);
    if (headTime !== null && /^(op|ops|iter|iteration|call|run)$/i.test(tail)) {
      return { unit: 'ns', scale: headTime * 1e9, direction: 'smaller' };
    }
    const tailTime = secondsPerUnit(tail);
    if (tailTime !== null && headTime === null) {
      return { unit: `${head}/s`, scale: 1 / tailTime, direction: 'bigger' };
    }
    if (/^(op|ops|iter)$/i.test(tail) && /^(B|bytes|allocs|allocations)$/i.test(head)) {
      return { unit: trimmed, scale: 1, direction: 'smaller' };
    }
  }
  return { unit: trimmed, scale: 1, direction: null };
}
