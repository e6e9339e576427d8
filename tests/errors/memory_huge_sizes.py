# expect: MemoryError
# line: 13
# Sizes no machine can allocate are MemoryError, as in CPython (they aborted gilsim in the
# allocator: "memory allocation of 1000000000000 bytes failed").
for make in [lambda: bytes(10**12), lambda: 'a'.zfill(10**12), lambda: 'a'.ljust(10**12),
             lambda: 'a'.rjust(10**12, '*'), lambda: 'a'.center(10**12),
             lambda: 'a' * 10**12, lambda: [0] * 10**12, lambda: (1,) * 10**12]:
    try:
        make()
    except MemoryError as e:
        print(type(e).__name__, repr(str(e)))
print('-42'.zfill(6), 'ab'.center(7, '*'), repr('a\tbc\td'.expandtabs()))
'a\tb'.expandtabs(2**20).zfill(10**13)
