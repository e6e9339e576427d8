# List building and indexing, as in the thread-sum lecture.
arr = [i % 7 for i in range(1_000_000)]
total = 0
for i in range(len(arr)):
    total += arr[i]
print(total, sum(arr))
