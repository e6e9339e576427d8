# expect: IndexError: list index out of range
# line: 5
items = [10, 20, 30]
print(items[2])
print(items[3])
