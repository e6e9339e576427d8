# expect: TypeError: 'int' object is not iterable
# line: 5
count = 3
print("looping")
for i in count:
    print(i)
