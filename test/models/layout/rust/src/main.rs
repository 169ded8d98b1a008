//! Test vectors for benchgate's Rust layout model (src/models/layout).
//! Prints the real `size_of`/`align_of` of each type below as JSON. Every type here has a
//! twin, under the same name, in test/models/layout/layout-types.ts.
#![allow(dead_code)]
use std::mem::{align_of, size_of};
use std::num::{NonZeroI64, NonZeroU128, NonZeroU16, NonZeroU32, NonZeroU8};

// ---- structs ----
struct Padded { a: u8, b: u32, c: u8 }
#[repr(C)] struct PaddedC { a: u8, b: u32, c: u8 }
struct Mixed { a: u8, b: u64, c: u16, d: u8, e: u32 }
#[repr(C)] struct MixedC { a: u8, b: u64, c: u16, d: u8, e: u32 }
struct WithBool { flag: bool, value: u32 }
struct TwoBools { a: bool, b: u64, c: bool }
struct ArrayAndByte { data: [u8; 6], tag: u16, x: u8 }
struct Empty;
struct Wide { a: u128, b: u8 }
struct WithRef<'a> { r: &'a u32, n: u16 }

// ---- enums ----
enum Three { A, B, C }
#[repr(C)] enum ThreeC { A, B, C }
#[repr(u16)] enum ThreeU16 { A, B, C }
enum Shape { Circle(u32), Square(u8), Empty }
enum Payload { Small(u8), Big(u64), Nothing }
enum Flagged { On(bool, u32), Off, Unknown }
enum ManyUnit { A(bool), B, C, D }
enum CharOrNot { C(char), N }
enum JaggedNiche { A(u32, bool), B(u16) }
enum BoxOrInt { B(Box<u64>), I(u32) }
enum VecOrNone { V(Vec<u32>), A, B }
enum Nested { Inner(Three), Other }
#[repr(C)] enum DataC { A(u8), B(u32) }
#[repr(u8)] enum DataU8 { A(u8), B(u32) }
enum Single { Only(u64, u8) }
struct MidNiche { a: u16, b: bool, c: u8, d: u32 }
enum AfterNiche { A(MidNiche), B(u8), C(u16) }
enum Tri { A(u64), B(u32), C(u8) }
enum Jag2 { A(u8, u32, bool), B(u32), C(u16, u8) }
struct Tail { a: u64, b: (u8, bool), c: u16 }
enum WideTag { A(u64, u8), B(u16), C }

// ---- Alan's DDSplit types ----
enum SuccessCode { Stored, Assembled(u32), Ok }
struct FragmentMissing { id: u64, server: u32, data: [u8; 50_000] }
enum DistriErr {
    FragmentMissing(FragmentMissing),
    Corrupt { fragment: u32, bytes: [u8; 51_200] },
    Timeout(u64),
    Io(String),
}
enum DistriErrBoxed {
    FragmentMissing(Box<FragmentMissing>),
    Corrupt(Box<[u8; 51_200]>),
    Timeout(u64),
    Io(String),
}
struct DistriQuery { id: u64, server: u16, fragment: u16, offset: u32, key: [u8; 32], payload: [u8; 6_336] }

macro_rules! rows {
    ($($t:ty),* $(,)?) => {{
        let mut out = Vec::new();
        $( out.push(format!(
            "    {{ \"name\": \"{}\", \"size\": {}, \"align\": {} }}",
            stringify!($t).replace(' ', "").replace(",", ", ").replace("'a", "'static"),
            size_of::<$t>(), align_of::<$t>()
        )); )*
        out
    }};
}

fn main() {
    let rows = rows![
        (), u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, f32, f64, bool, char,
        [u8; 3], [u32; 5], [u64; 0], [u16; 7], [bool; 9],
        (u8, u32), (u8, u16, u8), (u8, u64, u8), (u32, u8, u16), (bool, u64), ((u8, u8), u32),
        Padded, PaddedC, Mixed, MixedC, WithBool, TwoBools, ArrayAndByte, Empty, Wide, WithRef<'static>,
        &u8, &u64, &str, &[u8], Box<[u8]>, Option<&str>, Option<&[u8]>, Option<Box<str>>, Box<u64>, Box<[u8; 100]>, Vec<u8>, Vec<u64>, String,
        NonZeroU8, NonZeroU32, NonZeroI64, NonZeroU128,
        Option<u8>, Option<u32>, Option<u64>, Option<u128>, Option<bool>, Option<char>, Option<()>,
        Option<&u8>, Option<Box<u64>>, Option<NonZeroU8>, Option<NonZeroU16>, Option<NonZeroU32>, Option<NonZeroI64>,
        Option<Option<bool>>, Option<Option<u8>>, Option<Option<Option<bool>>>, Option<Option<NonZeroU32>>,
        Option<Vec<u8>>, Option<Option<Vec<u8>>>, Option<String>, Option<(u8, bool)>, Option<(u32, bool)>,
        Option<Padded>, Option<WithBool>, Option<TwoBools>, Option<Empty>,
        Result<u32, u8>, Result<u64, ()>, Result<(), Box<u64>>, Result<Box<u8>, u32>, Result<bool, bool>,
        Result<u8, Vec<u8>>, Result<String, String>, Result<(), ()>, Result<char, u8>,
        Three, ThreeC, ThreeU16, Option<Three>, Option<ThreeC>, Option<ThreeU16>, Option<Option<Three>>,
        Shape, Option<Shape>, Payload, Option<Payload>, Flagged, Option<Flagged>, ManyUnit, Option<ManyUnit>,
        CharOrNot, Option<CharOrNot>, JaggedNiche, Option<JaggedNiche>, BoxOrInt, Option<BoxOrInt>,
        VecOrNone, Option<VecOrNone>, Nested, DataC, DataU8, Option<DataU8>, Single, Option<Single>,
        SuccessCode, Option<SuccessCode>, FragmentMissing, DistriErr, DistriErrBoxed, Option<DistriErrBoxed>,
        Result<SuccessCode, DistriErr>, Result<SuccessCode, DistriErrBoxed>, Result<SuccessCode, Box<DistriErr>>,
        DistriQuery, Option<DistriQuery>, Vec<DistriQuery>,
        MidNiche, Option<MidNiche>, AfterNiche, Option<AfterNiche>, Tri, Option<Tri>, Jag2, Option<Jag2>,
        Tail, Option<Tail>, WideTag, Option<WideTag>, Option<Option<WideTag>>,
        Result<u32, (bool, u32)>, Option<(u8, u16, bool)>, Option<Result<u64, ()>>, Result<Option<u8>, u16>,
        Result<Result<bool, u8>, Option<char>>, Option<[bool; 0]>, Option<([u64; 0], bool)>,
    ];
    println!("{{");
    println!("  \"rustc\": \"{}\",", option_env!("RUSTC_VERSION").unwrap_or("see README"));
    println!("  \"target\": \"x86_64-unknown-linux-gnu\",");
    println!("  \"types\": [");
    println!("{}", rows.join(",\n"));
    println!("  ]");
    println!("}}");
}
