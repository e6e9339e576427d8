# expect: IndexError: tuple index out of range
# line: 5
point = (1, 2)
print(point[-2])
print(point[5])
