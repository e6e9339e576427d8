# expect: SyntaxError: Non-UTF-8 code starting with '\xe9' in file encoding_non_utf8.py on line 5, but no encoding declared; see https://peps.python.org/pep-0263/ for details
# A Latin-1 byte (0xE9, e acute) in a file without a coding cookie: CPython refuses the
# whole file before running any of it.
print("before")
print("café")
