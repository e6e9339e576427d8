# expect: ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit
# line: 5
big = 10 ** 5000
print(big.bit_length())
s = str(big)
