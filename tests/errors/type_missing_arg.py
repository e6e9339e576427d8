# expect: TypeError: area() missing 1 required positional argument: 'height'
# line: 6
def area(width, height):
    return width * height
print(area(2, 3))
print(area(2))
