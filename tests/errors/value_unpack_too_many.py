# expect: ValueError: too many values to unpack (expected 2)
# line: 5
a, b = (1, 2)
print(a, b)
a, b = (1, 2, 3)
