# expect: TypeError: greet() got an unexpected keyword argument 'colour'
# line: 6
def greet(name):
    return "hi " + name
print(greet(name="a"))
print(greet(colour="b"))
