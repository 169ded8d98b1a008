/**
 * A description of a Rust type, as far as its layout depends on it. Build values with the
 * `rust` helpers below and lay them out with {@link computeLayout}.
 */

/** Rust's integer types. `usize`/`isize` are 64-bit (x86-64). */
export type IntName = 'u8' | 'u16' | 'u32' | 'u64' | 'u128' | 'usize' | 'i8' | 'i16' | 'i32' | 'i64' | 'i128' | 'isize';

/** A struct's `#[repr]`: `Rust` (the default, fields may be reordered), `C` (declaration order), `packed` (not modelled). */
export type StructRepr = 'Rust' | 'C' | 'packed';

/** An enum's `#[repr]`: `Rust`, `C`, or a primitive integer (`#[repr(u8)]`). */
export type EnumRepr = 'Rust' | 'C' | IntName;

/** A named struct field. */
export interface RustField {
  name: string;
  type: RustType;
}

/** An enum variant; named and tuple fields lay out alike, so fields are listed in declaration order. */
export interface RustVariant {
  name: string;
  fields: RustType[];
}

/** The types the layout model knows, plus `opaque` for the ones it does not. */
export type RustType =
  | { kind: 'int'; name: IntName }
  | { kind: 'float'; name: 'f32' | 'f64' }
  | { kind: 'bool' }
  | { kind: 'char' }
  | { kind: 'nonzero'; int: IntName }
  | { kind: 'array'; element: RustType; length: number }
  | { kind: 'tuple'; elements: RustType[] }
  | { kind: 'struct'; name: string; repr: StructRepr; fields: RustField[] }
  | { kind: 'enum'; name: string; repr: EnumRepr; variants: RustVariant[] }
  | { kind: 'ref'; target: RustType }
  | { kind: 'box'; target: RustType }
  | { kind: 'vec'; element: RustType }
  | { kind: 'string' }
  | { kind: 'option'; some: RustType }
  | { kind: 'result'; ok: RustType; err: RustType }
  | { kind: 'slice'; element: RustType }
  | { kind: 'str' }
  | { kind: 'opaque'; name: string; why: string };

const int = (name: IntName): RustType => ({ kind: 'int', name });
const nonZeroName: Record<IntName, string> = {
  u8: 'NonZeroU8',
  u16: 'NonZeroU16',
  u32: 'NonZeroU32',
  u64: 'NonZeroU64',
  u128: 'NonZeroU128',
  usize: 'NonZeroUsize',
  i8: 'NonZeroI8',
  i16: 'NonZeroI16',
  i32: 'NonZeroI32',
  i64: 'NonZeroI64',
  i128: 'NonZeroI128',
  isize: 'NonZeroIsize',
};

/**
 * Builders for {@link RustType} values, named after the Rust syntax they stand for.
 * @example
 * rust.result(rust.u32, rust.vec(rust.u8)) // Result<u32, Vec<u8>>
 */
export const rust = {
  u8: int('u8'),
  u16: int('u16'),
  u32: int('u32'),
  u64: int('u64'),
  u128: int('u128'),
  usize: int('usize'),
  i8: int('i8'),
  i16: int('i16'),
  i32: int('i32'),
  i64: int('i64'),
  i128: int('i128'),
  isize: int('isize'),
  f32: { kind: 'float', name: 'f32' } as RustType,
  f64: { kind: 'float', name: 'f64' } as RustType,
  bool: { kind: 'bool' } as RustType,
  char: { kind: 'char' } as RustType,
  unit: { kind: 'tuple', elements: [] } as RustType,
  string: { kind: 'string' } as RustType,
  str: { kind: 'str' } as RustType,
  nonZero: (of: IntName): RustType => ({ kind: 'nonzero', int: of }),
  array: (element: RustType, length: number): RustType => ({ kind: 'array', element, length }),
  tuple: (...elements: RustType[]): RustType => ({ kind: 'tuple', elements }),
  ref: (target: RustType): RustType => ({ kind: 'ref', target }),
  box: (target: RustType): RustType => ({ kind: 'box', target }),
  vec: (element: RustType): RustType => ({ kind: 'vec', element }),
  slice: (element: RustType): RustType => ({ kind: 'slice', element }),
  option: (some: RustType): RustType => ({ kind: 'option', some }),
  result: (ok: RustType, err: RustType): RustType => ({ kind: 'result', ok, err }),
  struct: (name: string, fields: Record<string, RustType>, repr: StructRepr = 'Rust'): RustType => ({
    kind: 'struct',
    name,
    repr,
    fields: Object.entries(fields).map(([fieldName, type]) => ({ name: fieldName, type })),
  }),
  enum: (name: string, variants: Record<string, RustType[]>, repr: EnumRepr = 'Rust'): RustType => ({
    kind: 'enum',
    name,
    repr,
    variants: Object.entries(variants).map(([variantName, fields]) => ({ name: variantName, fields })),
  }),
  opaque: (name: string, why: string): RustType => ({ kind: 'opaque', name, why }),
};

/**
 * Renders a type the way Rust writes it (`Result<SuccessCode, DistriErr>`, `[u8;3]`, `(u8, u32)`),
 * naming structs and enums by their name.
 * @param type the type
 * @returns its Rust spelling
 */
export function formatType(type: RustType): string {
  switch (type.kind) {
    case 'int':
    case 'float':
      return type.name;
    case 'bool':
    case 'char':
    case 'str':
      return type.kind;
    case 'string':
      return 'String';
    case 'nonzero':
      return nonZeroName[type.int];
    case 'array':
      return `[${formatType(type.element)};${type.length}]`;
    case 'slice':
      return `[${formatType(type.element)}]`;
    case 'tuple':
      return `(${type.elements.map(formatType).join(', ')})`;
    case 'struct':
    case 'enum':
    case 'opaque':
      return type.name;
    case 'ref':
      return `&${formatType(type.target)}`;
    case 'box':
      return `Box<${formatType(type.target)}>`;
    case 'vec':
      return `Vec<${formatType(type.element)}>`;
    case 'option':
      return `Option<${formatType(type.some)}>`;
    case 'result':
      return `Result<${formatType(type.ok)}, ${formatType(type.err)}>`;
  }
}
