"""Class exercise: the lecture's lost-update race, as the lecture wrote it.

Lecture: "Продвинутый Python, лекция 12" (seed 001_4c51f6dace9b3cf1.txt), section "Mutex":
four threads each read the global counter, sleep `random.randint(0, 1)` seconds, and write
back what they read plus one. The lecture printed `1 1 1 1 1`: every thread read 0 before
any wrote. Which updates get lost depends on the random sleeps and on the switches, so the
explorer shows every outcome one draw of sleeps allows, and `--seed` picks the draw:

    gilsim explore programs/exercises/counter_race.py              # seed 0: always 1 1 1 1 1
    gilsim explore --seed 3 programs/exercises/counter_race.py     # four outcomes
    gilsim explore --expect-unique programs/exercises/counter_race_fixed.py   # 1 2 3 4 4

(`programs/threads_counter_race.py` is the repeatable classroom version for `gilsim run`:
eight threads and a Barrier, so every run loses the same seven updates.)
"""
import random
import sys
import threading
import time


def thread_job():
    global counter
    old_counter = counter
    time.sleep(random.randint(0, 1))    # the pause that lets the others read too
    counter = old_counter + 1
    print('{} '.format(counter), end='')
    sys.stdout.flush()


counter = 0
threads = [threading.Thread(target=thread_job) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(counter)
