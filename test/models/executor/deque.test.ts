import { describe, expect, test } from 'vitest';
import { Deque } from '../../../src/models/executor/deque.ts';

describe('Deque', () => {
  test('first in, first out; undefined when empty', () => {
    const deque = new Deque<string>();
    deque.push('a');
    deque.push('b');
    expect(deque.length).toBe(2);
    expect(deque.shift()).toBe('a');
    expect(deque.shift()).toBe('b');
    expect(deque.shift()).toBeUndefined();
    expect(deque.length).toBe(0);
  });

  test('keeps the order across its compaction (more than 1024 items shifted)', () => {
    const deque = new Deque<number>();
    const out: number[] = [];
    for (let i = 0; i < 5000; i++) {
      deque.push(i);
      if (i % 3 === 2) out.push(deque.shift()!, deque.shift()!);
    }
    while (deque.length > 0) out.push(deque.shift()!);
    expect(out).toEqual(Array.from({ length: 5000 }, (_, i) => i));
  });
});
