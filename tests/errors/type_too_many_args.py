# expect: TypeError: square() takes 1 positional argument but 2 were given
# line: 6
def square(n):
    return n * n
print(square(3))
print(square(3, 4))
