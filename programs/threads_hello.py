"""Hello, threads: creating, starting, naming and joining threading.Thread objects.

Lectures: "Продвинутый Python, лекция 12" (seed 001_4c51f6dace9b3cf1.txt), section
"Threading" (`thread_job` / `run_threads(4)`); "Subprocess, threading, multiprocessing"
(seed 002_8dbbf3d2c083b7d6.txt), section "Let's finally try threading!" (`greeter`);
"Лекция 8. Многозадачность" (seed 000_86b0a299d7855025.txt), section
"multiprocessing.Process" (`run()` instead of `start()`, joining a thread that was never
started; the lecture notes that threading has the same API).

Demonstrates: every thread gets a name (`Thread-N (target)` or a custom one) that
`threading.current_thread()` reports; `start()` runs the target in a new thread, while
calling `run()` directly runs it in the calling thread; `join()` waits for a thread and
refuses a thread that was never started. The lecture's output came out mixed
("Hello 2Hello 3") because four threads shared one stdout; here the printed order is
fixed: first each thread is joined before the next one starts, then the threads run
together and each one writes into its own slot of a list that the main thread prints
after joining them all.
"""
import threading
import time


def greeter(num):
    me = threading.current_thread()
    print(f'Hello {num} from {me.name}')


def run_one_at_a_time(count):
    # join() right after start(): correct, but no two threads ever run together.
    for i in range(count):
        thread = threading.Thread(target=greeter, args=(i,))
        thread.start()
        thread.join()


def make_greeting(num, out):
    # Each thread writes only out[num]: no two threads touch the same slot.
    out[num] = f'Hello {num} from {threading.current_thread().name}'


def run_together(count):
    greetings = [None] * count
    threads = [
        threading.Thread(target=make_greeting, args=(i, greetings))
        for i in range(count)
    ]
    for thread in threads:
        thread.start()          # every thread has to be started
    for thread in threads:
        thread.join()           # wait for all of them before reading the results
    for line in greetings:
        print(line)
    print('alive after join:', [t.is_alive() for t in threads])


def hello():
    time.sleep(0.01)            # stands for the lecture's heavy computation
    print(f'hello from {threading.current_thread().name}')


print('main thread:', threading.current_thread().name)

print('-- start() then join(), one thread at a time')
run_one_at_a_time(4)

print('-- four threads running together, greetings printed after join()')
run_together(4)
print('finish')

print('-- run() vs start()')
t1 = threading.Thread(target=hello, name='custom tname')
t2 = threading.Thread(target=hello)
t1.run()                        # a plain call: runs in the main thread
try:
    t1.join()
except RuntimeError as err:
    print('join() before start():', err)
t2.start()                      # a real thread
t2.join()
print('threads left besides main:', threading.active_count() - 1)
