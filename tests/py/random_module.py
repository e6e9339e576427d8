# random module with a fixed seed (Mersenne Twister is deterministic across versions).
import random
random.seed(12345)
print([round(random.random(), 12) for _ in range(5)])
print(random.random())
print([random.randint(1, 6) for _ in range(20)])
print([random.randrange(10) for _ in range(10)])
print([random.randrange(5, 50, 5) for _ in range(8)])
print([random.randrange(-10, 10) for _ in range(8)])
colors = ["red", "green", "blue", "yellow", "black"]
print([random.choice(colors) for _ in range(6)])
print(random.choice("abcdef"), random.choice(range(100)), random.choice((1, 2, 3)))
deck = list(range(1, 14))
random.shuffle(deck)
print(deck)
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 7), random.sample(colors, 3), sorted(random.sample(colors, 5)))
print([round(random.uniform(-1, 1), 10) for _ in range(4)])
print(random.uniform(10, 20))
print([round(random.gauss(0, 1), 10) for _ in range(4)])
print(random.gauss(100, 15))
print(random.choices(colors, k=4), random.choices([1, 2, 3], weights=[10, 1, 1], k=6))
print(random.getrandbits(8), random.getrandbits(64), random.getrandbits(100))
random.seed(12345)
first_again = round(random.random(), 12)
print("reseed reproduces:", first_again)
random.seed(2024)
a = [random.random() for _ in range(3)]
random.seed(2024)
b = [random.random() for _ in range(3)]
print(a == b, a)
state = random.getstate()
x1 = [random.randint(0, 1000) for _ in range(5)]
random.setstate(state)
x2 = [random.randint(0, 1000) for _ in range(5)]
print(x1, x1 == x2)
rng = random.Random(7)
print(rng.random(), rng.randint(1, 100), rng.choice(colors))
rng2 = random.Random(7)
print(rng2.random(), rng2.randint(1, 100), rng2.choice(colors))
random.seed(2 ** 80 + 17)
print(random.random(), random.randint(0, 10 ** 9))
random.seed(0)
counts = [0] * 6
for _ in range(6000):
    counts[random.randint(1, 6) - 1] += 1
print(counts, sum(counts))
random.seed(99)
inside = 0
n = 20000
for _ in range(n):
    x = random.random()
    y = random.random()
    if x * x + y * y <= 1:
        inside += 1
print("pi estimate", 4 * inside / n)
random.seed(3)
walk = [0]
for _ in range(15):
    walk.append(walk[-1] + random.choice((-1, 1)))
print(walk)
random.seed(11)
items = list("ABCDEFGH")
random.shuffle(items)
print("".join(items), random.sample(items, k=len(items)) != items or True)
random.seed(5)
print([random.randint(0, 2 ** 70) for _ in range(3)])
print([random.randrange(0, 10 ** 30, 7) for _ in range(2)])
print(random.triangular(0, 10, 3), random.expovariate(1.5))
random.seed(42)
print([random.random() for _ in range(2)], random.randint(1, 10), random.choice([1, 2, 3]))
