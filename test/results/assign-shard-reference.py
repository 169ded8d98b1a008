# An independent implementation of assignShard (src/results/assign-shard.ts), for the values
# in test/results/assign-shard.test.ts: python3 test/results/assign-shard-reference.py
M = 0xFFFFFFFF

def fnv1a(text):
    h = 0x811C9DC5
    for byte in text.encode('utf-8'):
        h ^= byte
        h = (h * 0x01000193) & M
    return h

def mix(h):
    h &= M
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & M
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & M
    h ^= h >> 16
    return h

def assign_shard(id, count):
    idh = fnv1a(id)
    weights = [mix(idh ^ mix((index * 0x9E3779B1) & M)) for index in range(1, count + 1)]
    return weights.index(max(weights)) + 1

for count in (4, 7):
    print(count, [assign_shard(id, count) for id in ['parse/small', 'parse/large', 'render/table', 'é/ü', '']])
