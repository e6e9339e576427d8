# expect: AttributeError: 'Point' object has no attribute 'colour_value'
# line: 9
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
print(p.x, p.y)
print(p.colour_value)
