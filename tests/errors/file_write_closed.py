# expect: ValueError: I/O operation on closed file.
# line: 7
import os
with open("gilsim_closed_write.tmp", "w") as f:
    f.write("inside\n")
os.remove("gilsim_closed_write.tmp")
f.write("after the with block\n")
