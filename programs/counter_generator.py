# Lecture: "Лекция 8. Многозадачность" (seed 000_86b0a299d7855025.txt),
# section "Вспомним генераторы" -- yield used as an expression.
# Shows: the `counter(maximum)` generator driven with next() and send().
# Sending a value jumps the counter; next() (which sends None) advances by one.
# This is the building block the lecture later calls a coroutine.


def counter(maximum):
    i = 0
    while i < maximum:
        val = (yield i)
        if val is not None:
            i = val
        else:
            i += 1


it = counter(10)
print("next(it) ->", next(it))        # 0, as in the lecture
print("it.send(8) ->", it.send(8))    # 8, as in the lecture
print("next(it) ->", next(it))        # 9
try:
    next(it)
except StopIteration:
    print("next(it) -> StopIteration (counter reached its maximum)")

# Drive a fresh counter with a schedule of sends.
it = counter(20)
seen = [next(it)]
for value in [None, 5, None, None, 15, None, 3]:
    seen.append(it.send(value))
print("schedule output:", seen)

# A plain for loop only ever calls next(), so it counts normally.
print("list(counter(6)) ->", list(counter(6)))

# Sending a non-None value into a just-started generator is an error.
fresh = counter(3)
try:
    fresh.send(1)
except TypeError as e:
    print("TypeError:", e)
