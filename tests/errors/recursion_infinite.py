# expect: RecursionError: maximum recursion depth exceeded
# line: 4
def down(n):
    return down(n + 1)
print("starting")
down(0)
