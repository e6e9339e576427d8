# expect: ZeroDivisionError: division by zero
# line: 3
inverse = lambda x: 1 / x
print(list(map(inverse, [1, 2, 4])))
print(inverse(0))
