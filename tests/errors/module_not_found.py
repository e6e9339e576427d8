# expect: ModuleNotFoundError: No module named 'nosuchmodule'
# line: 5
import math
print(math.sqrt(4))
import nosuchmodule
