# expect: ZeroDivisionError: division by zero
# line: 9
# exit: 0
import atexit

print("main body runs first")

def cleanup():
    return 1 / 0

atexit.register(print, "the other functions still run")
atexit.register(cleanup)
