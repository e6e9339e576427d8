# expect: SyntaxError: unterminated string literal (detected at line 3)
# line: 3
greeting = "hello
print(greeting)
