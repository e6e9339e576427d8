# expect: ZeroDivisionError: integer modulo by zero
# line: 5
nums = [7, 3, 0]
for n in nums:
    print(100 % n)
