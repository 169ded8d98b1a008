/**
 * The simulation's clock: a binary min-heap of events on (time, sequence). Events at the same
 * time come out in the order they were pushed, so a simulation with the same inputs replays the
 * same way; the executor model's determinism rests on that tie order.
 * @example
 * const queue = new EventQueue<string>();
 * queue.push(5, 'b');
 * queue.push(1, 'a');
 * queue.push(5, 'c');
 * queue.pop(); // => 1 (and queue.popped is 'a'; then 5 with 'b', then 5 with 'c')
 */
export class EventQueue<T> {
  private times: number[] = [];
  private seqs: number[] = [];
  private items: T[] = [];
  private seq = 0;
  /** The item of the event `pop` removed last (saves allocating a pair per event); undefined before the first pop. */
  popped: T | undefined = undefined;

  /** The number of events waiting. */
  get length(): number {
    return this.times.length;
  }

  /**
   * Schedules an event.
   * @param time when it happens
   * @param item what happens (the simulation's continuation)
   */
  push(time: number, item: T): void {
    const { times, seqs, items } = this;
    const seq = this.seq++;
    let i = times.length;
    times.push(time);
    seqs.push(seq);
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt < time || (pt === time && seqs[parent]! < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent]!;
      items[i] = items[parent]!;
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    items[i] = item;
  }

  /**
   * Removes the earliest event (of those at the earliest time, the one pushed first).
   * @returns its time; its item is left in `popped`
   * @throws RangeError when the queue is empty
   */
  pop(): number {
    const { times, seqs, items } = this;
    if (times.length === 0) throw new RangeError('EventQueue.pop: the queue is empty');
    const top = times[0]!;
    this.popped = items[0]!;
    const lastTime = times.pop()!;
    const lastSeq = seqs.pop()!;
    const lastItem = items.pop()!;
    const n = times.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        const right = child + 1;
        if (right < n && (times[right]! < times[child]! || (times[right] === times[child] && seqs[right]! < seqs[child]!))) {
          child = right;
        }
        const ct = times[child]!;
        if (ct > lastTime || (ct === lastTime && seqs[child]! > lastSeq)) break;
        times[i] = ct;
        seqs[i] = seqs[child]!;
        items[i] = items[child]!;
        i = child;
      }
      times[i] = lastTime;
      seqs[i] = lastSeq;
      items[i] = lastItem;
    }
    return top;
  }
}
