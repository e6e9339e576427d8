# expect: AttributeError: 'int' object has no attribute 'foo'
# line: 5
n = 7
print(n.bit_length())
print(n.foo)
