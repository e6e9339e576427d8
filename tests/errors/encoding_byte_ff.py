# expect: SyntaxError: Non-UTF-8 code starting with '\xff' in file encoding_byte_ff.py on line 3, but no encoding declared; see https://peps.python.org/pep-0263/ for details
# The audit's case: a lone 0xFF byte once panicked the error renderer.
x = 1ÿ
