# expect: SyntaxError: invalid character '€' (U+20AC)
# line: 4
price = 10
print(price €)
