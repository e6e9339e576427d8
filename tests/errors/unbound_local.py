# expect: UnboundLocalError: cannot access local variable 'total' where it is not associated with a value
# line: 5
total = 0
def add_one():
    total += 1
    return total
print("calling add_one")
add_one()
