# expect: IndentationError: unexpected indent
# line: 8
# A line of only indentation and a backslash starts the logical line that follows, and
# sets its indentation (CPython's tokenizer: the first such line indented at all decides);
# gilsim took the indentation from the next physical line and ran this.
x = 1
    \
y = 2
print(x, y)
