/**
 * The TypeScript twins of the types in rust/src/main.rs. formatType() of each must equal the
 * name the Rust program printed into layout-vectors.json.
 */
import {
  BOXED_RESULT,
  DISTRI_ERR,
  DISTRI_ERR_BOXED,
  DISTRI_QUERY,
  FRAGMENT_MISSING,
  INLINE_RESULT,
  SUCCESS_CODE,
} from '../../../src/models/layout/ddsplit-types.ts';
import { rust, type RustType } from '../../../src/models/layout/rust-type.ts';

const { u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, f32, f64, bool, char, unit, string } = rust;
const { option, result, array, tuple, box, ref, vec, nonZero } = rust;

const padded = rust.struct('Padded', { a: u8, b: u32, c: u8 });
const paddedC = rust.struct('PaddedC', { a: u8, b: u32, c: u8 }, 'C');
const mixed = rust.struct('Mixed', { a: u8, b: u64, c: u16, d: u8, e: u32 });
const mixedC = rust.struct('MixedC', { a: u8, b: u64, c: u16, d: u8, e: u32 }, 'C');
const withBool = rust.struct('WithBool', { flag: bool, value: u32 });
const twoBools = rust.struct('TwoBools', { a: bool, b: u64, c: bool });
const arrayAndByte = rust.struct('ArrayAndByte', { data: array(u8, 6), tag: u16, x: u8 });
const empty = rust.struct('Empty', {});
const wide = rust.struct('Wide', { a: u128, b: u8 });
const withRef = rust.struct("WithRef<'static>", { r: ref(u32), n: u16 });

const three = rust.enum('Three', { A: [], B: [], C: [] });
const threeC = rust.enum('ThreeC', { A: [], B: [], C: [] }, 'C');
const threeU16 = rust.enum('ThreeU16', { A: [], B: [], C: [] }, 'u16');
const shape = rust.enum('Shape', { Circle: [u32], Square: [u8], Empty: [] });
const payload = rust.enum('Payload', { Small: [u8], Big: [u64], Nothing: [] });
const flagged = rust.enum('Flagged', { On: [bool, u32], Off: [], Unknown: [] });
const manyUnit = rust.enum('ManyUnit', { A: [bool], B: [], C: [], D: [] });
const charOrNot = rust.enum('CharOrNot', { C: [char], N: [] });
const jaggedNiche = rust.enum('JaggedNiche', { A: [u32, bool], B: [u16] });
const boxOrInt = rust.enum('BoxOrInt', { B: [box(u64)], I: [u32] });
const vecOrNone = rust.enum('VecOrNone', { V: [vec(u32)], A: [], B: [] });
const nested = rust.enum('Nested', { Inner: [three], Other: [] });
const dataC = rust.enum('DataC', { A: [u8], B: [u32] }, 'C');
const dataU8 = rust.enum('DataU8', { A: [u8], B: [u32] }, 'u8');
const single = rust.enum('Single', { Only: [u64, u8] });
const midNiche = rust.struct('MidNiche', { a: u16, b: bool, c: u8, d: u32 });
const afterNiche = rust.enum('AfterNiche', { A: [midNiche], B: [u8], C: [u16] });
const tri = rust.enum('Tri', { A: [u64], B: [u32], C: [u8] });
const jag2 = rust.enum('Jag2', { A: [u8, u32, bool], B: [u32], C: [u16, u8] });
const tail = rust.struct('Tail', { a: u64, b: tuple(u8, bool), c: u16 });
const wideTag = rust.enum('WideTag', { A: [u64, u8], B: [u16], C: [] });

/** Every type the Rust program measured, in its order. */
export const VECTOR_TYPES: RustType[] = [
  unit,
  u8,
  u16,
  u32,
  u64,
  u128,
  usize,
  i8,
  i16,
  i32,
  i64,
  i128,
  isize,
  f32,
  f64,
  bool,
  char,
  array(u8, 3),
  array(u32, 5),
  array(u64, 0),
  array(u16, 7),
  array(bool, 9),
  tuple(u8, u32),
  tuple(u8, u16, u8),
  tuple(u8, u64, u8),
  tuple(u32, u8, u16),
  tuple(bool, u64),
  tuple(tuple(u8, u8), u32),
  padded,
  paddedC,
  mixed,
  mixedC,
  withBool,
  twoBools,
  arrayAndByte,
  empty,
  wide,
  withRef,
  ref(u8),
  ref(u64),
  ref(rust.str),
  ref(rust.slice(u8)),
  box(rust.slice(u8)),
  option(ref(rust.str)),
  option(ref(rust.slice(u8))),
  option(box(rust.str)),
  box(u64),
  box(array(u8, 100)),
  vec(u8),
  vec(u64),
  string,
  nonZero('u8'),
  nonZero('u32'),
  nonZero('i64'),
  nonZero('u128'),
  option(u8),
  option(u32),
  option(u64),
  option(u128),
  option(bool),
  option(char),
  option(unit),
  option(ref(u8)),
  option(box(u64)),
  option(nonZero('u8')),
  option(nonZero('u16')),
  option(nonZero('u32')),
  option(nonZero('i64')),
  option(option(bool)),
  option(option(u8)),
  option(option(option(bool))),
  option(option(nonZero('u32'))),
  option(vec(u8)),
  option(option(vec(u8))),
  option(string),
  option(tuple(u8, bool)),
  option(tuple(u32, bool)),
  option(padded),
  option(withBool),
  option(twoBools),
  option(empty),
  result(u32, u8),
  result(u64, unit),
  result(unit, box(u64)),
  result(box(u8), u32),
  result(bool, bool),
  result(u8, vec(u8)),
  result(string, string),
  result(unit, unit),
  result(char, u8),
  three,
  threeC,
  threeU16,
  option(three),
  option(threeC),
  option(threeU16),
  option(option(three)),
  shape,
  option(shape),
  payload,
  option(payload),
  flagged,
  option(flagged),
  manyUnit,
  option(manyUnit),
  charOrNot,
  option(charOrNot),
  jaggedNiche,
  option(jaggedNiche),
  boxOrInt,
  option(boxOrInt),
  vecOrNone,
  option(vecOrNone),
  nested,
  dataC,
  dataU8,
  option(dataU8),
  single,
  option(single),
  SUCCESS_CODE,
  option(SUCCESS_CODE),
  FRAGMENT_MISSING,
  DISTRI_ERR,
  DISTRI_ERR_BOXED,
  option(DISTRI_ERR_BOXED),
  INLINE_RESULT,
  BOXED_RESULT,
  result(SUCCESS_CODE, box(DISTRI_ERR)),
  DISTRI_QUERY,
  option(DISTRI_QUERY),
  vec(DISTRI_QUERY),
  midNiche,
  option(midNiche),
  afterNiche,
  option(afterNiche),
  tri,
  option(tri),
  jag2,
  option(jag2),
  tail,
  option(tail),
  wideTag,
  option(wideTag),
  option(option(wideTag)),
  result(u32, tuple(bool, u32)),
  option(tuple(u8, u16, bool)),
  option(result(u64, unit)),
  result(option(u8), u16),
  result(result(bool, u8), option(char)),
  option(array(bool, 0)),
  option(tuple(array(u64, 0), bool)),
];
