"""I/O-bound work: fetching URLs one by one, with a thread per URL, and with a thread pool.

Lectures: "Продвинутый Python, лекция 12" (seed 001_4c51f6dace9b3cf1.txt), section
"GIL и проблемы" (`read_url` over six URLs: 4.87 s one by one, 1.56 s with threads);
"Subprocess, threading, multiprocessing" (seed 002_8dbbf3d2c083b7d6.txt), section
"А когда есть смысл в питонячьих потоках?" (3.53 s vs 893 ms); "Threading,
Multiproccessing и Asyncio" (seed 003_5a2eca54aa6f32a4.txt), the threading download
example (`concurrent.futures.ThreadPoolExecutor` with a `requests.Session` per thread kept
in `threading.local()`).

Demonstrates: while a thread waits for the network it does not hold the GIL, so the other
threads run; waiting for six responses at once takes about as long as the slowest one,
not as long as all of them together. The pool version gives each worker thread its own
session (created on first use, then reused), which is what `threading.local` is for.

Runs on gilsim's simulated `requests` (no network): each URL answers after a fixed,
URL-dependent delay of 0.05 to 0.15 s with a made-up page, so the status codes and page
sizes printed are always the same.
"""
# corpus: gilsim-only (uses gilsim's simulated requests; CPython would need the network)
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import requests

URLS = [
    'http://wiki.cs.hse.ru/Заглавная_страница',
    'https://ya.ru/',
    'https://docs.python.org/3/library/multiprocessing.html',
    'https://colab.research.google.com/',
    'https://www.youtube.com/',
    'https://mail.ru/',
]


def read_url(url):
    return requests.get(url).text


def fetch_sequentially(urls):
    return [read_url(url) for url in urls]


def fetch_with_threads(urls):
    pages = [None] * len(urls)

    def fetch(i):
        pages[i] = read_url(urls[i])        # each thread fills its own slot

    threads = [threading.Thread(target=fetch, args=(i,)) for i in range(len(urls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return pages


thread_local = threading.local()
sessions_made = []


def get_session():
    if not hasattr(thread_local, 'session'):
        thread_local.session = requests.Session()
        sessions_made.append(threading.current_thread().name)
    return thread_local.session


def download_site(url):
    with get_session().get(url) as response:
        return response.status_code, len(response.content)


def fetch_with_pool(urls, workers):
    with ThreadPoolExecutor(max_workers=workers) as executor:
        return list(executor.map(download_site, urls))   # results in input order


def timed(fetch, *args):
    start = time.perf_counter()
    result = fetch(*args)
    return result, time.perf_counter() - start


pages, sequential_time = timed(fetch_sequentially, URLS)
threaded_pages, threaded_time = timed(fetch_with_threads, URLS)
pooled, pool_time = timed(fetch_with_pool, URLS, len(URLS))

for url, page, (status, size) in zip(URLS, pages, pooled):
    print(f'{url}: status {status}, {size} bytes, text of {len(page)} chars')
print('same pages with threads:', threaded_pages == pages)
print('pool sessions created (one per worker thread):', len(sessions_made))
print(f'sequential: {sequential_time:.2f} s')
print(f'thread per URL: {threaded_time:.2f} s')
print(f'ThreadPoolExecutor: {pool_time:.2f} s')
print(f'speed-up with threads: {sequential_time / threaded_time:.2f}x')
print(f'speed-up with the pool: {sequential_time / pool_time:.2f}x')
print('threads faster than sequential for I/O:', sequential_time > 2 * threaded_time)
print('pool faster than sequential for I/O:', sequential_time > 2 * pool_time)
