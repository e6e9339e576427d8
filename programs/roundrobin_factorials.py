# Lectures: "Продвинутый Python, лекция 12" (seed 001_4c51f6dace9b3cf1.txt),
# the asyncio.gather factorial example, and "Concurrencia en Python" (seed
# 004_d9685cb7b868a29e.txt), "Cooperative Multitasking / Green-threads".
# Shows: cooperative multitasking in ONE thread with plain generators instead of
# asyncio: each task yields where the lecture awaits asyncio.sleep(1), and a tiny
# round-robin scheduler resumes the tasks in turn. The interleaving printed is the
# same as the lecture's output for gather(factorial("A", 2), ("B", 3), ("C", 4)).


def factorial(name, number):
    f = 1
    for i in range(2, number + 1):
        print(f"Task {name}: Compute factorial({i})...")
        yield  # the lecture does `await asyncio.sleep(1)` here
        f *= i
    print(f"Task {name}: factorial({number}) = {f}")
    return f


def gather(*tasks):
    results = [None] * len(tasks)
    ready = list(enumerate(tasks))
    while ready:
        still_running = []
        for index, task in ready:
            try:
                next(task)
                still_running.append((index, task))
            except StopIteration as stop:
                results[index] = stop.value
        ready = still_running
    return results


res = gather(factorial("A", 2), factorial("B", 3), factorial("C", 4))
print(res)
