# expect: NameError: name 'undefined_thing_xyz' is not defined
# line: 5
print("before the error")
value = 10
print(value + undefined_thing_xyz)
