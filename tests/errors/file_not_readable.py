# expect: io.UnsupportedOperation: not readable
# line: 6
import os
with open("gilsim_not_readable.tmp", "w") as f:
    os.remove("gilsim_not_readable.tmp")
    print(f.read())
