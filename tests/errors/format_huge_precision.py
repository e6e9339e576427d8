# expect: ValueError: precision too big
# line: 7
# Rust's formatter panicked above a precision of 65535; CPython writes the zeros.
print(len('{:.{}f}'.format(1.5, 10**6)), len('%.*e' % (10**6, 1.5)))
print('{:.{}f}'.format(1.5, 100000)[-3:], format(5e-324, '.70000g'))
print('%.*e' % (2**31 - 1, 1.5))
'{:.{}f}'.format(1.5, 2**31)
