# expect: SyntaxError: invalid non-printable character U+00A0
# line: 5
# A no-break space pasted from a web page, between 1 and +.
total = 0
total = 1 + 2
