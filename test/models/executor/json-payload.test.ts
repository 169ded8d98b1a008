import { describe, expect, test } from 'vitest';
import { DEFAULT_JSON_PAYLOAD_OPTIONS, drawPayloadSizes, makeJsonPayload } from '../../../src/models/executor/json-payload.ts';

describe('JSON payloads for the HTTP counterpart', () => {
  test.each([1, 300, 10_000, 200_000])('a %i-byte target gives valid JSON of about that length', (target) => {
    const text = makeJsonPayload(target, 3);
    const records = JSON.parse(text) as unknown[];
    expect(records.length).toBeGreaterThan(0);
    expect(text.length).toBeGreaterThanOrEqual(Math.min(target, text.length));
    if (target > 1000) expect(text.length / target).toBeLessThan(1.01);
  });

  test('payloads and sizes are deterministic', () => {
    expect(makeJsonPayload(5000, 7)).toBe(makeJsonPayload(5000, 7));
    expect(makeJsonPayload(5000, 7)).not.toBe(makeJsonPayload(5000, 8));
    expect(drawPayloadSizes(DEFAULT_JSON_PAYLOAD_OPTIONS)).toEqual(drawPayloadSizes(DEFAULT_JSON_PAYLOAD_OPTIONS));
  });

  test('sizes are heavy-tailed and stay within their bounds', () => {
    const sizes = drawPayloadSizes({ ...DEFAULT_JSON_PAYLOAD_OPTIONS, count: 2000 }).sort((a, b) => a - b);
    expect(sizes[0]!).toBeGreaterThanOrEqual(DEFAULT_JSON_PAYLOAD_OPTIONS.minBytes);
    expect(sizes[sizes.length - 1]!).toBeLessThanOrEqual(DEFAULT_JSON_PAYLOAD_OPTIONS.maxBytes);
    const median = sizes[1000]!;
    // lognormal σ = 1.2: the 99th percentile is e^(2.326·1.2) ≈ 16× the median
    expect(sizes[1980]! / median).toBeGreaterThan(8);
  });
});
