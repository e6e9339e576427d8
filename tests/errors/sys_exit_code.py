# expect: 
# exit: 3
import sys
print("exiting with status 3")
sys.exit(3)
print("never printed")
