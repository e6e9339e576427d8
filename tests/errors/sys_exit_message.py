# expect: fatal: configuration not found
import sys
print("checking configuration")
sys.exit("fatal: configuration not found")
