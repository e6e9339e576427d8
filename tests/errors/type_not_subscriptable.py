# expect: TypeError: 'int' object is not subscriptable
# line: 5
n = 12345
print(n)
print(n[0])
