# Backslash continuation, implicit line joining in brackets, comments inside.
total = 1 + \
    2 + \
    3
print(total)
long_condition = True and \
    not False and \
    1 < 2
print(long_condition)
values = [
    1,   # first
    2,   # second
    # a comment line inside the list
    3,
]
print(values)
mapping = {
    "a": 1,
    "b": 2,  # trailing comma allowed
}
print(mapping)
result = (10
          + 20
          - 5)   # parenthesised continuation
print(result)
def long_signature(first,
                   second,
                   third=3,
                   *rest,
                   **options):
    return first + second + third + len(rest) + len(options)
print(long_signature(1,
                     2,
                     30,
                     4, 5,
                     x=1))
call = max(
    3,
    9,
    4
)
print(call)
nested = [[1, 2,
           3], [4,
                5, 6]]
print(nested)
s = ("first part, "
     "second part, "
     "third part")
print(s)
if (1 < 2 and
        2 < 3):
    print("multi-line if condition")
x = [i * i
     for i in range(5)
     if i % 2 == 0]
print(x)
chained = "  Hello World  " \
    .strip() \
    .lower() \
    .replace("world", "there")
print(chained)
tup = 1, \
    2, \
    3
print(tup)
a = 1; b = 2; c = a + b
print(a, b, c)
if c == 3: print("single-line if"); print("with two statements")
for i in range(2): print("loop", i); print("  body", i)
def oneliner(): return "one-line def"
print(oneliner())
class OneLine: attr = "one-line class"
print(OneLine.attr)
matrix = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
]
print(sum(matrix[i][i] for i in range(3)))
assert (
    total == 6
), "message"
print("assert with parentheses ok")
d = dict(
    alpha=1,  # comment after argument
    beta=2,
)
print(sorted(d.items()))
y = (
    # comment at start
    42
    # comment at end
)
print(y)
text = """triple-quoted strings
span lines # this is not a comment
without continuation"""
print(text)
lam = (lambda p,
       q: p * q)
print(lam(6, 7))
print("end"
      "ing")
