# expect: TypeError: object of type 'int' has no len()
# line: 5
x = 42
print(len(str(x)))
print(len(x))
