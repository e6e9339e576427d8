# expect: ValueError: not enough values to unpack (expected 3, got 2)
# line: 5
x, y, z = "abc"
print(x, y, z)
x, y, z = [1, 2]
