/**
 * A first-in, first-out queue with O(1) `push` and amortized O(1) `shift` (an array with a moving
 * head, compacted once more than half of it is spent). The executor simulation keeps its run
 * queues in these.
 * @example
 * const queue = new Deque<number>();
 * queue.push(1);
 * queue.push(2);
 * queue.shift(); // => 1
 */
export class Deque<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  /** The number of items queued. */
  get length(): number {
    return this.items.length - this.head;
  }

  /**
   * Adds an item at the back.
   * @param item the item
   */
  push(item: T): void {
    this.items.push(item);
  }

  /**
   * Removes the item at the front.
   * @returns the oldest item, or undefined when the queue is empty
   */
  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}
