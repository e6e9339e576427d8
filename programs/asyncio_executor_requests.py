"""Blocking code from asyncio: `loop.run_in_executor(None, requests.get, url)`.

Lectures: "Threading, Multiproccessing и Asyncio" (seed 003_5a2eca54aa6f32a4.txt) and
"Продвинутый Python, лекция 12" (seed 001_4c51f6dace9b3cf1.txt): a library without an
async API (`requests`) used from coroutines by handing each call to the loop's default
thread pool; `asyncio.to_thread` is the 3.9+ shorthand.

Demonstrates: the blocking `requests.get` calls run on worker threads (they release the
GIL while they wait for the network), the event loop awaits their futures, and the six
downloads overlap: about as long as the slowest one, not all six together.

Runs on gilsim's simulated `requests` (no network): each URL answers after a fixed,
URL-dependent delay of 0.05 to 0.15 s with a made-up page.
"""
# corpus: gilsim-only (uses gilsim's simulated requests; CPython would need the network)
import asyncio
import time

import requests

URLS = [
    'http://wiki.cs.hse.ru/Заглавная_страница',
    'https://ya.ru/',
    'https://docs.python.org/3/library/multiprocessing.html',
    'https://colab.research.google.com/',
    'https://www.youtube.com/',
    'https://mail.ru/',
]


async def main():
    loop = asyncio.get_running_loop()
    start = time.perf_counter()
    futures = [loop.run_in_executor(None, requests.get, url) for url in URLS]
    responses = await asyncio.gather(*futures)
    elapsed = time.perf_counter() - start
    for url, response in zip(URLS, responses):
        print(f'{response.status_code} {len(response.text):5d} chars  {url}')
    slowest = max(r.elapsed.total_seconds() for r in responses)
    total = sum(r.elapsed.total_seconds() for r in responses)
    print(f'six requests in {elapsed:.2f} s: about the slowest one ({slowest:.2f} s), '
          f'not the sum ({total:.2f} s): {elapsed < total * 0.7}')

    response = await asyncio.to_thread(requests.get, 'https://ya.ru/', timeout=5)
    print('to_thread:', response, response.url)


asyncio.run(main())
