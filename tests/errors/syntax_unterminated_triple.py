# expect: SyntaxError: unterminated triple-quoted string literal (detected at line 6)
# line: 4
x = 1
doc = """this string
never ends
print(x)
