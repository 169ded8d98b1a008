/*
 * LD_PRELOAD counter of the bytes a program copies through libc's memcpy, memmove and
 * mempcpy (and the _chk variants). It counts only calls that reach libc: copies the compiler
 * inlines (small fixed sizes, typically up to a few hundred bytes on x86-64) are not seen.
 * Counting is off until the program calls memcpy_counter_start() (found with dlsym), and
 * memcpy_counter_read() returns { calls, bytes } since then. Single-threaded use only:
 * the counters are plain globals (the measured loop runs on one thread).
 * With MEMCPY_COUNTER_SIZES=1 in the environment, memcpy_counter_stop() also prints to stderr
 * how many calls copied each size (up to 64 distinct sizes), to say which moves the bytes are.
 *
 *   cc -O2 -shared -fPIC -o libmemcpy_counter.so memcpy_counter.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_SIZES 64
static size_t sizes[MAX_SIZES];
static uint64_t size_calls[MAX_SIZES];
static int distinct_sizes;

static void *(*real_memcpy)(void *, const void *, size_t);
static void *(*real_memmove)(void *, const void *, size_t);
static void *(*real_mempcpy)(void *, const void *, size_t);
static int counting;
static uint64_t calls, bytes;

/* Copies without libc while the real symbols are being looked up (dlsym may call memcpy). */
static void *slow_copy(void *dst, const void *src, size_t n) {
  unsigned char *d = dst;
  const unsigned char *s = src;
  if (d < s) for (size_t i = 0; i < n; i++) d[i] = s[i];
  else for (size_t i = n; i > 0; i--) d[i - 1] = s[i - 1];
  return dst;
}

static void resolve(void) {
  static int resolving;
  if (real_memcpy || resolving) return;
  resolving = 1;
  real_memmove = dlsym(RTLD_NEXT, "memmove");
  real_mempcpy = dlsym(RTLD_NEXT, "mempcpy");
  real_memcpy = dlsym(RTLD_NEXT, "memcpy");
  resolving = 0;
}

static inline void count(size_t n) {
  if (counting) {
    calls++;
    bytes += n;
    int i = 0;
    while (i < distinct_sizes && sizes[i] != n) i++;
    if (i == distinct_sizes && distinct_sizes < MAX_SIZES) sizes[distinct_sizes++] = n;
    if (i < distinct_sizes) size_calls[i]++;
  }
}

void *memcpy(void *dst, const void *src, size_t n) {
  resolve();
  count(n);
  return real_memcpy ? real_memcpy(dst, src, n) : slow_copy(dst, src, n);
}

void *memmove(void *dst, const void *src, size_t n) {
  resolve();
  count(n);
  return real_memmove ? real_memmove(dst, src, n) : slow_copy(dst, src, n);
}

void *mempcpy(void *dst, const void *src, size_t n) {
  resolve();
  count(n);
  return (char *)(real_mempcpy ? real_mempcpy(dst, src, n) : slow_copy(dst, src, n)) + n;
}

void *__memcpy_chk(void *dst, const void *src, size_t n, size_t dstlen) {
  (void)dstlen;
  return memcpy(dst, src, n);
}

void *__memmove_chk(void *dst, const void *src, size_t n, size_t dstlen) {
  (void)dstlen;
  return memmove(dst, src, n);
}

/* Starts counting from zero. */
void memcpy_counter_start(void) {
  calls = 0;
  bytes = 0;
  distinct_sizes = 0;
  for (int i = 0; i < MAX_SIZES; i++) size_calls[i] = 0;
  counting = 1;
}

/* Stops counting and writes the totals since memcpy_counter_start(). */
void memcpy_counter_stop(uint64_t *out_calls, uint64_t *out_bytes) {
  counting = 0;
  *out_calls = calls;
  *out_bytes = bytes;
  const char *show = getenv("MEMCPY_COUNTER_SIZES");
  if (show && *show == '1') {
    for (int i = 0; i < distinct_sizes; i++) fprintf(stderr, "  %zu B x %llu\n", sizes[i], (unsigned long long)size_calls[i]);
  }
}
