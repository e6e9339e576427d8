# expect: InventoryError: cannot take 2, only 1 left
# line: 7
class InventoryError(Exception):
    pass
def take(stock, n):
    if n > stock:
        raise InventoryError(f"cannot take {n}, only {stock} left")
    return stock - n
print(take(5, 2))
take(1, 2)
