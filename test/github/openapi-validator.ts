import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * A small checker of requests and JSON values against GitHub's OpenAPI description
 * (`@octokit/openapi`, api.github.com). It covers the OpenAPI 3.0 schema keywords that the
 * description uses for the endpoints we call: $ref, type, nullable, enum, required,
 * properties, additionalProperties, items, allOf, anyOf, oneOf (treated as anyOf),
 * minimum/maximum, minLength/maxLength, minItems/maxItems and pattern. `format` is not checked.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

export interface OpenApiSpec {
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, Json>>;
}

export interface Operation {
  operationId: string;
  parameters?: Json[];
  requestBody?: Json;
  responses: Record<string, Json>;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

let cached: OpenApiSpec | undefined;

/** Loads api.github.com's description from node_modules once per process (no network). */
export function loadGitHubOpenApi(): OpenApiSpec {
  if (cached === undefined) {
    const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.json');
    cached = JSON.parse(readFileSync(file, 'utf8')) as OpenApiSpec;
  }
  return cached;
}

/** Follows `$ref` pointers (`#/components/...`) until a non-reference value. */
export function resolveRef(spec: OpenApiSpec, value: Json | undefined): Json | undefined {
  let current = value;
  for (let depth = 0; depth < 20 && isObject(current) && typeof current['$ref'] === 'string'; depth++) {
    const pointer = current['$ref'];
    if (!pointer.startsWith('#/')) throw new Error(`unsupported $ref ${pointer}`);
    let target: unknown = spec;
    for (const part of pointer.slice(2).split('/')) {
      target = (target as Record<string, unknown>)[part.replaceAll('~1', '/').replaceAll('~0', '~')];
    }
    current = target as Json | undefined;
  }
  return current;
}

/** The operation a request goes to, with its path parameters as strings. */
export interface MatchedOperation {
  template: string;
  method: string;
  operation: Operation;
  pathParams: Record<string, string>;
}

interface Route {
  template: string;
  method: string;
  operation: Operation;
  regex: RegExp;
  names: string[];
  literals: number;
}

const routesBySpec = new WeakMap<OpenApiSpec, Route[]>();

/** Finds the operation for a method and path; literal segments win over parameters, as GitHub routes. */
export function matchOperation(spec: OpenApiSpec, method: string, pathname: string): MatchedOperation | null {
  let routes = routesBySpec.get(spec);
  if (routes === undefined) {
    routes = [];
    for (const [template, item] of Object.entries(spec.paths)) {
      const names: string[] = [];
      const source = template
        .split('/')
        .map((segment) =>
          segment.replace(/\{([^}]+)\}|[^{}]+/g, (whole, name: string | undefined) => {
            if (name === undefined) return whole.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
            names.push(name);
            return '([^/]+)';
          }),
        )
        .join('/');
      const literals = template.split('/').filter((s) => s !== '' && !s.includes('{')).length;
      for (const [verb, operation] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete', 'head'].includes(verb)) continue;
        routes.push({ template, method: verb.toUpperCase(), operation, regex: new RegExp(`^${source}$`), names, literals });
      }
    }
    routes.sort((a, b) => b.literals - a.literals);
    routesBySpec.set(spec, routes);
  }
  for (const route of routes) {
    if (route.method !== method.toUpperCase()) continue;
    const found = route.regex.exec(pathname);
    if (found === null) continue;
    const pathParams: Record<string, string> = {};
    route.names.forEach((name, index) => {
      pathParams[name] = decodeURIComponent(found[index + 1] ?? '');
    });
    return { template: route.template, method: route.method, operation: route.operation, pathParams };
  }
  return null;
}

/**
 * Checks one request against its operation: every path and required query parameter present and
 * of its schema's type, no query parameter the operation does not declare, and the JSON body
 * against the request body schema (required properties, types, no undeclared properties when the
 * schema forbids them).
 * @returns the problems found, empty when the request conforms
 */
export function validateRequest(
  spec: OpenApiSpec,
  matched: MatchedOperation,
  query: URLSearchParams,
  contentType: string | undefined,
  body: unknown,
): string[] {
  const problems: string[] = [];
  const parameters = (matched.operation.parameters ?? []).map((p) => resolveRef(spec, p) as unknown as Parameter);
  for (const parameter of parameters.filter((p) => p.in === 'path')) {
    const value = matched.pathParams[parameter.name];
    if (value === undefined || value === '') problems.push(`path parameter '${parameter.name}' is missing`);
    else problems.push(...validateParameterValue(spec, parameter, value));
  }
  const declared = new Set(parameters.filter((p) => p.in === 'query').map((p) => p.name));
  for (const name of new Set(query.keys())) {
    if (!declared.has(name)) problems.push(`query parameter '${name}' is not declared by ${matched.operation.operationId}`);
  }
  for (const parameter of parameters.filter((p) => p.in === 'query')) {
    const value = query.get(parameter.name);
    if (value === null) {
      if (parameter.required === true) problems.push(`query parameter '${parameter.name}' is required`);
    } else problems.push(...validateParameterValue(spec, parameter, value));
  }
  const requestBody = resolveRef(spec, matched.operation.requestBody);
  if (isObject(requestBody)) {
    const content = requestBody['content'];
    const jsonSchema = isObject(content) && isObject(content['application/json']) ? content['application/json']['schema'] : undefined;
    if (body === undefined) {
      if (requestBody['required'] === true) problems.push(`${matched.operation.operationId} requires a JSON body`);
    } else {
      if (!(contentType ?? '').toLowerCase().startsWith('application/json')) {
        problems.push(`body sent as '${contentType ?? 'no content-type'}', expected application/json`);
      }
      if (jsonSchema !== undefined) problems.push(...validateValue(spec, jsonSchema, body as Json, 'body'));
    }
  } else if (body !== undefined) {
    problems.push(`${matched.operation.operationId} takes no body, got one`);
  }
  return problems;
}

function validateParameterValue(spec: OpenApiSpec, parameter: Parameter, raw: string): string[] {
  const schema = resolveRef(spec, parameter.schema as Json) as Schema | undefined;
  const where = `${parameter.in} parameter '${parameter.name}'`;
  if (schema === undefined) return [];
  let value: Json = raw;
  if (schema['type'] === 'integer' || schema['type'] === 'number') {
    const pattern = schema['type'] === 'integer' ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/;
    if (!pattern.test(raw)) return [`${where} must be ${schema['type'] === 'integer' ? 'an integer' : 'a number'}, got ${JSON.stringify(raw)}`];
    value = Number(raw);
  } else if (schema['type'] === 'boolean') {
    if (raw !== 'true' && raw !== 'false') return [`${where} must be true or false, got ${JSON.stringify(raw)}`];
    value = raw === 'true';
  }
  return validateValue(spec, schema, value, where);
}

/**
 * Checks a JSON value against a schema of the description.
 * @returns the problems found, each naming the JSON path
 */
export function validateValue(spec: OpenApiSpec, schemaOrRef: Json, value: Json, where: string): string[] {
  const schema = resolveRef(spec, schemaOrRef);
  if (!isObject(schema)) return [];
  if (value === null) {
    if (schema['nullable'] === true || schema['type'] === 'null' || (Array.isArray(schema['enum']) && schema['enum'].includes(null))) return [];
    if (schema['type'] === undefined && schema['allOf'] === undefined && schema['anyOf'] === undefined && schema['oneOf'] === undefined) return [];
    if (Array.isArray(schema['anyOf'] ?? schema['oneOf'])) {
      return anyPasses(spec, (schema['anyOf'] ?? schema['oneOf']) as Json[], value, where);
    }
    return [`${where} must not be null`];
  }
  if (Array.isArray(schema['allOf'])) {
    const problems = schema['allOf'].flatMap((part) => validateValue(spec, part, value, where));
    if (problems.length > 0) return problems;
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options)) {
      const problems = anyPasses(spec, options, value, where);
      if (problems.length > 0) return problems;
    }
  }
  const type = schema['type'];
  if (typeof type === 'string' && !hasType(value, type)) return [`${where} must be ${type}, got ${describe(value)}`];
  if (Array.isArray(schema['enum']) && !schema['enum'].some((allowed) => allowed === value)) {
    return [`${where} must be one of ${JSON.stringify(schema['enum'])}, got ${JSON.stringify(value)}`];
  }
  const problems: string[] = [];
  if (typeof value === 'string') {
    if (typeof schema['minLength'] === 'number' && value.length < schema['minLength']) problems.push(`${where} is shorter than ${schema['minLength']}`);
    if (typeof schema['maxLength'] === 'number' && value.length > schema['maxLength']) problems.push(`${where} is longer than ${schema['maxLength']}`);
    if (typeof schema['pattern'] === 'string') {
      const pattern = compilePattern(schema['pattern']);
      if (pattern !== null && !pattern.test(value)) problems.push(`${where} does not match ${schema['pattern']}`);
    }
  }
  if (typeof value === 'number') {
    if (typeof schema['minimum'] === 'number' && value < schema['minimum']) problems.push(`${where} is below ${schema['minimum']}`);
    if (typeof schema['maximum'] === 'number' && value > schema['maximum']) problems.push(`${where} is above ${schema['maximum']}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema['minItems'] === 'number' && value.length < schema['minItems']) problems.push(`${where} has fewer than ${schema['minItems']} items`);
    if (typeof schema['maxItems'] === 'number' && value.length > schema['maxItems']) problems.push(`${where} has more than ${schema['maxItems']} items`);
    if (schema['items'] !== undefined) value.forEach((item, i) => problems.push(...validateValue(spec, schema['items'] as Json, item, `${where}[${i}]`)));
  }
  if (isObject(value)) {
    const properties = isObject(schema['properties']) ? schema['properties'] : {};
    for (const name of Array.isArray(schema['required']) ? schema['required'] : []) {
      if (typeof name === 'string' && !(name in value)) problems.push(`${where}.${name} is required`);
    }
    for (const [name, item] of Object.entries(value)) {
      const propertySchema = properties[name];
      if (propertySchema !== undefined) problems.push(...validateValue(spec, propertySchema, item, `${where}.${name}`));
      else if (schema['additionalProperties'] === false) problems.push(`${where}.${name} is not a property the schema allows`);
      else if (isObject(schema['additionalProperties'])) problems.push(...validateValue(spec, schema['additionalProperties'], item, `${where}.${name}`));
    }
  }
  return problems;
}

function anyPasses(spec: OpenApiSpec, options: Json[], value: Json, where: string): string[] {
  const results = options.map((option) => validateValue(spec, option, value, where));
  if (results.some((problems) => problems.length === 0)) return [];
  return [`${where} matches none of its ${options.length} alternatives (first: ${results[0]?.[0] ?? '?'})`];
}

function hasType(value: Json, type: string): boolean {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    case 'null':
      return value === null;
    default:
      return true;
  }
}

function compilePattern(source: string): RegExp | null {
  try {
    return new RegExp(source, 'u');
  } catch {
    return null;
  }
}

function describe(value: Json): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return `${typeof value} ${JSON.stringify(value).slice(0, 40)}`;
}

function isObject(value: unknown): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
