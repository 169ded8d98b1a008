import { describe, expect, test } from 'vitest';
import { EventQueue } from '../../../src/models/executor/event-queue.ts';
import { createRandom } from '../../../src/stats/create-random.ts';

function drain<T>(queue: EventQueue<T>): [number, T][] {
  const out: [number, T][] = [];
  while (queue.length > 0) {
    const time = queue.pop();
    out.push([time, queue.popped as T]);
  }
  return out;
}

describe('EventQueue', () => {
  test('events come out by time', () => {
    const queue = new EventQueue<string>();
    for (const [time, name] of [
      [30, 'c'],
      [10, 'a'],
      [20, 'b'],
    ] as const)
      queue.push(time, name);
    expect(drain(queue)).toEqual([
      [10, 'a'],
      [20, 'b'],
      [30, 'c'],
    ]);
  });

  test('events at the same time come out in the order they were pushed (the tie order the simulation relies on)', () => {
    const queue = new EventQueue<number>();
    for (let i = 0; i < 100; i++) queue.push(7, i);
    expect(drain(queue).map(([, item]) => item)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  test('ties keep push order when pushes and pops interleave', () => {
    const queue = new EventQueue<string>();
    queue.push(5, 'first at 5');
    queue.push(1, 'at 1');
    queue.push(5, 'second at 5');
    expect(queue.pop()).toBe(1);
    queue.push(5, 'third at 5, pushed after a pop');
    queue.push(3, 'at 3');
    expect(drain(queue)).toEqual([
      [3, 'at 3'],
      [5, 'first at 5'],
      [5, 'second at 5'],
      [5, 'third at 5, pushed after a pop'],
    ]);
  });

  test('matches a stable sort on time for 2000 random events with many ties (seeded)', () => {
    const random = createRandom(20261202);
    const queue = new EventQueue<number>();
    const pushed: [number, number][] = [];
    for (let i = 0; i < 2000; i++) {
      const time = Math.floor(random() * 50);
      queue.push(time, i);
      pushed.push([time, i]);
    }
    const expected = [...pushed].sort((a, b) => a[0] - b[0]);
    expect(drain(queue)).toEqual(expected);
  });

  test('popping an empty queue is an error', () => {
    expect(() => new EventQueue<number>().pop()).toThrow(RangeError);
  });
});
