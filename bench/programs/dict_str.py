# A word-count style workload: str keys, dict get/set, f-strings.
counts = {}
for i in range(300_000):
    key = f"w{i % 1000}"
    counts[key] = counts.get(key, 0) + 1
print(len(counts), counts["w7"])
