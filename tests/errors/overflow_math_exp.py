# expect: OverflowError: math range error
# line: 5
import math
print(math.exp(10))
print(math.exp(1000))
