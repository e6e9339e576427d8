# expect: ValueError: invalid literal for int() with base 10: 'abc'
# line: 4
for s in ["12", "7", "abc"]:
    print(int(s) * 2)
