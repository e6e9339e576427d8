"""The fix of counter_race.py, as the lecture wrote it: read, sleep and write under one Lock.

Lecture: "Продвинутый Python, лекция 12" (seed 001_4c51f6dace9b3cf1.txt), after "Mutex"
(`with lock:` around the whole job; the lecture ran eight threads and printed
`1 2 3 4 5 6 7 8 8`). Four threads here, as in the race: every schedule prints `1 2 3 4 4`.

    gilsim explore --expect-unique programs/exercises/counter_race_fixed.py
"""
import random
import sys
import threading
import time


def thread_job():
    with lock:                          # acquire; released when the block ends
        global counter
        old_counter = counter
        time.sleep(random.randint(0, 1))
        counter = old_counter + 1
        print('{} '.format(counter), end='')
        sys.stdout.flush()


lock = threading.Lock()
counter = 0
threads = [threading.Thread(target=thread_job) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(counter)
