import { formatType, type EnumRepr, type IntName, type RustType } from './rust-type.ts';

/**
 * A niche: the invalid values of one scalar inside a type, which an enum around it can use as
 * its discriminant. Valid values run from `validStart` to `validEnd`, wrapping around the
 * scalar's maximum (rustc's `WrappingRange`).
 */
export interface Niche {
  /** Byte offset of the scalar inside the type. */
  offset: number;
  /** Size of the scalar in bytes. */
  bytes: number;
  validStart: bigint;
  validEnd: bigint;
}

/** The layout of a type on x86-64, or why the model cannot give one. */
export type Layout = { supported: true; size: number; align: number; niche: Niche | null } | { supported: false; reason: string };

type Sized = { size: number; align: number; niche: Niche | null };
type Bias = 'start' | 'end';
type Prefix = { size: number; align: number };
type Placed = Sized & { order: number[]; offsets: number[] };

/** Thrown inside the calculator and turned into `{ supported: false }` at the edge. */
class UnsupportedType extends Error {}

const POINTER_BYTES = 8;
// rustc's `obj_size_bound` for 64-bit targets: objects must be smaller than 2^61 bytes; we also stay exact in a double.
const MAX_OBJECT_BYTES = Number.MAX_SAFE_INTEGER;

const intBytes: Record<IntName, number> = {
  u8: 1,
  u16: 2,
  u32: 4,
  u64: 8,
  u128: 16,
  usize: 8,
  i8: 1,
  i16: 2,
  i32: 4,
  i64: 8,
  i128: 16,
  isize: 8,
};

const maxOf = (bytes: number): bigint => (1n << BigInt(bytes * 8)) - 1n;

/** How many invalid values a niche offers (rustc `Niche::available`). */
export function nicheAvailable(niche: Niche): bigint {
  return (niche.validStart - niche.validEnd - 1n) & maxOf(niche.bytes);
}

/**
 * Claims `count` invalid values of a niche for an enum's discriminants, preferring the bound
 * nearer zero so that `None` can be zero (rustc `Niche::reserve`).
 */
function reserveNiche(niche: Niche, count: bigint): Niche | null {
  const max = maxOf(niche.bytes);
  if (count > nicheAvailable(niche)) return null;
  const { validStart: start, validEnd: end } = niche;
  const moveStart = (): Niche => ({ ...niche, validStart: (start - count) & max });
  const moveEnd = (): Niche => ({ ...niche, validEnd: (end + count) & max });
  if (start > end) return moveEnd();
  if (start <= max - end) return count <= start ? moveStart() : moveEnd();
  const newEnd = (end + count) & max;
  return newEnd >= 1n && newEnd <= end ? moveStart() : moveEnd();
}

const alignTo = (offset: number, align: number): number => Math.ceil(offset / align) * align;

function trailingZeros(n: number): number {
  let zeros = 0;
  while (n > 1 && n % 2 === 0) {
    n /= 2;
    zeros += 1;
  }
  return zeros;
}

const availableOf = (field: Sized): bigint => (field.niche === null ? 0n : nicheAvailable(field.niche));
const compare = (a: bigint | number, b: bigint | number): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Lays out one struct, tuple or enum variant (rustc `univariant_biased`). Without `inhibitReorder`
 * fields are sorted: largest alignment group first, then larger niches first (`start` bias) or
 * last (`end` bias); enum variants behind a tag (`prefix`) sort the other way, smallest first.
 */
function placeBiased(fields: Sized[], inhibitReorder: boolean, prefix: Prefix | null, bias: Bias): Placed {
  let align = 1;
  let offset = 0;
  if (prefix !== null) {
    align = Math.max(align, prefix.align);
    offset = alignTo(prefix.size, prefix.align);
  }
  const order = fields.map((_, i) => i);
  if (!inhibitReorder && fields.length > 1) {
    const maxFieldAlign = fields.reduce((widest, f) => Math.max(widest, f.align), 1);
    // biome-ignore lint/complexity/useMathMinMax: the values are bigints, which Math.max does not take
    const largestNiche = fields.reduce((best, f) => (availableOf(f) > best ? availableOf(f) : best), 0n);
    const groupKey = (f: Sized): number => {
      const sizeAsAlign = trailingZeros(Math.max(f.align, f.size));
      if (largestNiche === 0n) return sizeAsAlign;
      if (bias === 'start') return Math.min(trailingZeros(maxFieldAlign), sizeAsAlign);
      return availableOf(f) === largestNiche ? trailingZeros(f.align) : sizeAsAlign;
    };
    const innerOffsetKey = (f: Sized): bigint => {
      if (f.niche === null) return 0n;
      // rustc: `!(size - offset)` as u64 under the end bias, so niches nearer the end sort last
      return bias === 'start' ? BigInt(f.niche.offset) : maxOf(8) - BigInt(f.size - f.niche.offset);
    };
    order.sort((x, y) => {
      const a = fields[x]!;
      const b = fields[y]!;
      if (prefix !== null) return compare(groupKey(a), groupKey(b)) || compare(availableOf(a), availableOf(b));
      const nicheOrder = bias === 'start' ? compare(availableOf(b), availableOf(a)) : compare(availableOf(a), availableOf(b));
      return compare(groupKey(b), groupKey(a)) || nicheOrder || compare(innerOffsetKey(a), innerOffsetKey(b));
    });
  }
  const offsets = new Array<number>(fields.length).fill(0);
  let niche: Niche | null = null;
  let largestAvailable = 0n;
  for (const i of order) {
    const field = fields[i]!;
    align = Math.max(align, field.align);
    offset = alignTo(offset, field.align);
    offsets[i] = offset;
    if (field.niche !== null) {
      const available = nicheAvailable(field.niche);
      if (bias === 'start' ? available > largestAvailable : available >= largestAvailable) {
        largestAvailable = available;
        niche = { ...field.niche, offset: offset + field.niche.offset };
      }
    }
    offset += field.size;
    if (offset > MAX_OBJECT_BYTES) throw new UnsupportedType('the type is too large to lay out exactly');
  }
  return { size: alignTo(offset, align), align, niche, order, offsets };
}

/**
 * rustc `univariant`: lays fields out with the niche pulled to the start; if that leaves the niche
 * in the middle, tries pushing it to the end and keeps whichever leaves more room on one side.
 */
function place(fields: Sized[], inhibitReorder: boolean, prefix: Prefix | null = null): Placed {
  const layout = placeBiased(fields, inhibitReorder, prefix, 'start');
  if (layout.niche === null || fields.length < 2) return layout;
  const head = layout.niche.offset;
  const tail = layout.size - head - layout.niche.bytes;
  if (head === 0 || tail <= 0) return layout;
  const alt = placeBiased(fields, inhibitReorder, prefix, 'end');
  if (alt.niche === null) return layout;
  const altHead = alt.niche.offset;
  return altHead > head && altHead > tail ? alt : layout;
}

const isOneZst = (f: Sized): boolean => f.size === 0 && f.align === 1;

function discriminantBytes(repr: EnumRepr, variantCount: number): number {
  if (repr !== 'Rust' && repr !== 'C') return intBytes[repr];
  const max = variantCount - 1;
  const fit = max <= 0xff ? 1 : max <= 0xffff ? 2 : 4;
  // repr(C) enums are at least a C `int` on x86-64 Linux
  return repr === 'C' ? Math.max(4, fit) : fit;
}

/** rustc `layout_of_enum` for enums whose discriminants are 0, 1, …, n − 1. */
function layOutEnum(variants: Sized[][], repr: EnumRepr): Sized {
  if (variants.length === 0) throw new UnsupportedType('an enum without variants is uninhabited');
  if (repr !== 'Rust' && repr !== 'C' && BigInt(variants.length - 1) > maxOf(intBytes[repr])) {
    throw new UnsupportedType(`${variants.length} variants do not fit repr(${repr})`);
  }
  if (variants.length === 1 && repr === 'Rust') {
    const only = place(variants[0]!, false);
    return { size: only.size, align: only.align, niche: only.niche };
  }
  const tagged = layOutTagged(variants, repr);
  const niched = repr === 'Rust' ? layOutNicheFilled(variants) : null;
  if (niched === null) return tagged;
  // the smaller layout; on a tie the one with the larger niche; otherwise tagged
  if (tagged.size > niched.size) return niched;
  if (tagged.size === niched.size && availableOf(tagged) < availableOf(niched)) return niched;
  return tagged;
}

function layOutTagged(variants: Sized[][], repr: EnumRepr): Sized {
  const minBytes = discriminantBytes(repr, variants.length);
  let prefixAlign = minBytes;
  if (repr === 'C') for (const fields of variants) for (const f of fields) prefixAlign = Math.max(prefixAlign, f.align);
  const inhibitReorder = repr !== 'Rust';
  let size = 0;
  let align = 1;
  let startAlign = 256;
  for (const fields of variants) {
    const st = place(fields, inhibitReorder, { size: minBytes, align: prefixAlign });
    const first = st.order.map((i) => fields[i]!).find((f) => !isOneZst(f));
    if (first !== undefined) startAlign = Math.min(startAlign, first.align);
    size = Math.max(size, st.size);
    align = Math.max(align, st.align);
  }
  size = alignTo(size, align);
  // rustc widens the tag to the alignment of every variant's first field, so no padding is copied
  let tagBytes = minBytes;
  if (repr === 'Rust' && startAlign <= 16 && startAlign > minBytes) tagBytes = startAlign;
  size = Math.max(size, tagBytes);
  return { size, align, niche: { offset: 0, bytes: tagBytes, validStart: 0n, validEnd: BigInt(variants.length - 1) } };
}

function layOutNicheFilled(variants: Sized[][]): Sized | null {
  const layouts = variants.map((fields) => place(fields, false));
  const align = layouts.reduce((widest, l) => Math.max(widest, l.align), 1);
  let largest = 0;
  // Iterator::max_by_key keeps the last of equal maxima
  layouts.forEach((l, i) => {
    if (l.size >= layouts[largest]!.size) largest = i;
  });
  const others = layouts.map((_, i) => i).filter((i) => i !== largest);
  const count = BigInt(others[others.length - 1]! - others[0]! + 1);
  const niche = layouts[largest]!.niche;
  if (niche === null) return null;
  const reserved = reserveNiche(niche, count);
  if (reserved === null) return null;
  const size = alignTo(layouts[largest]!.size, align);
  for (const i of others) {
    const l = layouts[i]!;
    if (l.size <= niche.offset) continue;
    const after = alignTo(niche.offset + niche.bytes, l.align);
    if (after + l.size > size) return null;
  }
  return { size, align, niche: reserved };
}

function layOutInner(type: RustType): Sized {
  switch (type.kind) {
    case 'int':
      return { size: intBytes[type.name], align: intBytes[type.name], niche: null };
    case 'float': {
      const bytes = type.name === 'f32' ? 4 : 8;
      return { size: bytes, align: bytes, niche: null };
    }
    case 'bool':
      return { size: 1, align: 1, niche: { offset: 0, bytes: 1, validStart: 0n, validEnd: 1n } };
    case 'char':
      return { size: 4, align: 4, niche: { offset: 0, bytes: 4, validStart: 0n, validEnd: 0x10ffffn } };
    case 'nonzero': {
      const bytes = intBytes[type.int];
      return { size: bytes, align: bytes, niche: { offset: 0, bytes, validStart: 1n, validEnd: maxOf(bytes) } };
    }
    case 'array': {
      if (!Number.isSafeInteger(type.length) || type.length < 0) {
        throw new UnsupportedType(`array length must be a non-negative integer, got ${type.length}`);
      }
      const element = layOutInner(type.element);
      const size = element.size * type.length;
      if (size > MAX_OBJECT_BYTES) throw new UnsupportedType('the type is too large to lay out exactly');
      return { size, align: element.align, niche: type.length > 0 ? element.niche : null };
    }
    case 'tuple':
      return place(type.elements.map(layOutInner), false);
    case 'struct': {
      if (type.repr === 'packed') throw new UnsupportedType(`${type.name}: repr(packed) is not modelled`);
      const placed = place(
        type.fields.map((f) => layOutInner(f.type)),
        type.repr === 'C',
      );
      return { size: placed.size, align: placed.align, niche: placed.niche };
    }
    case 'enum':
      return layOutEnum(
        type.variants.map((v) => v.fields.map(layOutInner)),
        type.repr,
      );
    case 'option':
      return layOutEnum([[], [layOutInner(type.some)]], 'Rust');
    case 'result':
      return layOutEnum([[layOutInner(type.ok)], [layOutInner(type.err)]], 'Rust');
    case 'ref':
    case 'box': {
      const pointer: Niche = { offset: 0, bytes: POINTER_BYTES, validStart: 1n, validEnd: maxOf(POINTER_BYTES) };
      const target = type.target;
      if (target.kind === 'slice' || target.kind === 'str') {
        if (target.kind === 'slice') layOutInner(target.element);
        // a fat pointer: (data pointer, length)
        return { size: 2 * POINTER_BYTES, align: POINTER_BYTES, niche: pointer };
      }
      layOutInner(target);
      return { size: POINTER_BYTES, align: POINTER_BYTES, niche: pointer };
    }
    case 'vec':
    case 'string':
      if (type.kind === 'vec') layOutInner(type.element);
      // (capacity ≤ isize::MAX, pointer, length): rustc puts the capacity, the larger niche, first
      return { size: 3 * POINTER_BYTES, align: POINTER_BYTES, niche: { offset: 0, bytes: 8, validStart: 0n, validEnd: maxOf(8) >> 1n } };
    case 'slice':
    case 'str':
      throw new UnsupportedType(`${formatType(type)} is unsized: only a reference or Box to it has a size`);
    case 'opaque':
      throw new UnsupportedType(`${type.name}: ${type.why}`);
  }
}

/**
 * Computes the size, alignment and largest niche of a Rust type on x86-64, following rustc's
 * layout algorithm (rustc_abi `LayoutCalculator`): field reordering for `repr(Rust)`, the
 * smallest discriminant, niche filling and tagged layouts, whichever is smaller.
 * A type the model does not cover gets `{ supported: false, reason }`, never a guess.
 * @param type the type
 * @returns its layout, or why there is none
 * @example
 * computeLayout(rust.option(rust.box(rust.u64))) // => { supported: true, size: 8, align: 8, niche: … }
 */
export function computeLayout(type: RustType): Layout {
  try {
    const { size, align, niche } = layOutInner(type);
    return { supported: true, size, align, niche };
  } catch (error: unknown) {
    if (error instanceof UnsupportedType) {
      return { supported: false, reason: `${formatType(type)}: ${error.message}` };
    }
    throw error;
  }
}
