# expect: TabError: inconsistent use of tabs and spaces in indentation
# line: 5
def f():
        x = 1
	return x
print(f())
