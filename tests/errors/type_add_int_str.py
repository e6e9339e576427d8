# expect: TypeError: unsupported operand type(s) for +: 'int' and 'str'
# line: 6
count = 3
label = " items"
print("about to add")
print(count + label)
