# expect: AttributeError: module 'math' has no attribute 'foo'
# line: 5
import math
print(math.floor(2.5))
print(math.foo)
