# expect: OverflowError: Python int too large to convert to C ssize_t
# line: 12
# random.sample of a range is indexed, not listed (range(10**30) ate gigabytes in gilsim;
# CPython's len() refuses it at once). The draws are CPython's for the seed.
import random
random.seed(3)
print(random.sample(range(2**62), 3), random.sample(range(10, 100, 7), 4))
try:
    random.sample(range(10**30), 3)
except OverflowError as e:
    print(e)
len(range(10**30))
