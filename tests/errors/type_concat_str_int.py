# expect: TypeError: can only concatenate str (not "int") to str
# line: 5
age = 30
print("age is " + str(age))
print("age is " + age)
