# expect: TypeError: unhashable type: 'list'
# line: 6
seen = set()
seen.add((1, 2))
print(len(seen))
seen.add([3, 4])
