# expect: SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?
# line: 4
name = "world"
print "hello"
