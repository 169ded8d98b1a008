import type { ReportedNumber } from './build-results.ts';
import { stripByteOrderMark } from '../results/decode-text.ts';
import { FormatError } from './format-error.ts';

/** A JSON object after its type was checked. */
export type JsonObject = Record<string, unknown>;

// Python's json module writes NaN and Infinity, which JSON.parse refuses; they become null so the
// field reader can name the field instead of the parser failing on the whole file.
const NON_STANDARD = /"(?:[^"\\]|\\.)*"|-?\bNaN\b|-?\bInfinity\b/g;

/**
 * Parses JSON text, naming the file when it is not JSON. A leading byte order mark is dropped.
 * @param given the file's contents
 * @param file the file's name, for messages
 */
export function parseJsonText(given: string, file: string): unknown {
  const text = stripByteOrderMark(given);
  const cleaned = /NaN|Infinity/.test(text) ? text.replace(NON_STANDARD, (token) => (token.startsWith('"') ? token : 'null')) : text;
  try {
    return JSON.parse(cleaned) as unknown;
  } catch (error: unknown) {
    throw new FormatError(file, `not valid JSON: ${(error as Error).message}`);
  }
}

/** Joins a JSON path and a key or index: `results[0].times`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  return path === '$' ? name : `${path}.${name}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `a string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}

/** Checks that `value` is a JSON object. */
export function asObject(value: unknown, file: string, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new FormatError(file, `expected an object, got ${describe(value)}`, path);
  }
  return value as JsonObject;
}

/** Checks that `value` is a JSON array. */
export function asArray(value: unknown, file: string, path: string): unknown[] {
  if (!Array.isArray(value)) throw new FormatError(file, `expected an array, got ${describe(value)}`, path);
  return value;
}

/** Checks that `value` is a finite number. */
export function asNumber(value: unknown, file: string, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new FormatError(file, `expected a finite number, got ${describe(value)}`, path);
  }
  return value;
}

/** Checks that `value` is a non-empty string. */
export function asString(value: unknown, file: string, path: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new FormatError(file, `expected a non-empty string, got ${describe(value)}`, path);
  }
  return value;
}

/** Reads `object[key]` as an object. */
export function objectField(object: JsonObject, key: string, file: string, path: string): JsonObject {
  return asObject(object[key], file, childPath(path, key));
}

/** Reads `object[key]` as an array. */
export function arrayField(object: JsonObject, key: string, file: string, path: string): unknown[] {
  return asArray(object[key], file, childPath(path, key));
}

/** Reads `object[key]` as a finite number. */
export function numberField(object: JsonObject, key: string, file: string, path: string): number {
  return asNumber(object[key], file, childPath(path, key));
}

/** Reads `object[key]` as a finite number times `scale`, keeping its name and path for later checks. */
export function reportedNumberField(object: JsonObject, key: string, file: string, path: string, scale = 1): ReportedNumber {
  return { value: numberField(object, key, file, path) * scale, name: key, location: childPath(path, key) };
}

/** Reads `object[key]` as a non-empty string. */
export function stringField(object: JsonObject, key: string, file: string, path: string): string {
  return asString(object[key], file, childPath(path, key));
}

/** Reads `object[key]` as a finite number, or `undefined` when it is absent or null. */
export function optionalNumberField(object: JsonObject, key: string, file: string, path: string): number | undefined {
  const value = object[key];
  return value === undefined || value === null ? undefined : asNumber(value, file, childPath(path, key));
}

/** Reads `object[key]` as a string, or `undefined` when it is absent or null. */
export function optionalStringField(object: JsonObject, key: string, file: string, path: string): string | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    throw new FormatError(file, `expected a string, got ${describe(value)}`, childPath(path, key));
  }
  return value;
}

/** Reads `object[key]` as an array of finite numbers. */
export function numberArrayField(object: JsonObject, key: string, file: string, path: string): number[] {
  const at = childPath(path, key);
  return asArray(object[key], file, at).map((value, index) => asNumber(value, file, childPath(at, index)));
}
