/**
 * The layout model's cost model: a request's time is its compute plus its bytes copied at the
 * machine's copy bandwidth. Both variants share the compute; only the bytes differ.
 * @param bytesCopied bytes memcpy'd per request (from `accountMoves`)
 * @param nsPerByte the copy cost measured on the running machine, ns per byte
 * @param computeNs the request's time spent on anything but copies, ns
 * @returns the predicted time per request, ns
 * @example
 * predictRequestNs(1000, 0.05, 100); // => 150
 */
export function predictRequestNs(bytesCopied: number, nsPerByte: number, computeNs: number): number {
  if (!(bytesCopied >= 0) || !(nsPerByte > 0) || !(computeNs >= 0)) {
    throw new RangeError(`predictRequestNs: need bytesCopied ≥ 0, nsPerByte > 0, computeNs ≥ 0; got ${bytesCopied}, ${nsPerByte}, ${computeNs}`);
  }
  return computeNs + bytesCopied * nsPerByte;
}
