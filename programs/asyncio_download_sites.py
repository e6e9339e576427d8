"""Downloading many sites with asyncio and aiohttp: one thread, all requests in flight at
once.

Lectures: "Threading, Multiproccessing и Asyncio" (seed 003_5a2eca54aa6f32a4.txt), the
asyncio version of `download_all_sites` (after the synchronous and the threaded ones, see
`threads_fetch_urls.py`): one `aiohttp.ClientSession`, a task per URL, `asyncio.gather`.

Demonstrates: while a task waits for its response (`async with session.get(url)`), the
event loop runs the others, so 80 downloads take about as long as the slowest one, not
the sum of all of them -- with a single thread, so there is no GIL contention at all.

Runs on gilsim's simulated `aiohttp` (no network): each URL answers after the simulated
`requests`' fixed, URL-dependent delay of 0.05 to 0.15 s with a made-up page, so the
sizes printed are always the same.
"""
# corpus: gilsim-only (uses gilsim's simulated aiohttp; CPython would need the network)
import asyncio
import time

import aiohttp

SITES = [
    'https://www.jython.org',
    'http://olympus.realpython.org/dice',
    'https://docs.python.org/3/library/asyncio.html',
    'https://ya.ru/',
] * 20


async def download_site(session, url, sizes):
    async with session.get(url) as response:
        body = await response.read()
        sizes[url] = len(body)
        assert response.status == 200 and str(response.url) == url


async def download_all_sites(sites):
    sizes = {}
    async with aiohttp.ClientSession() as session:
        tasks = [asyncio.ensure_future(download_site(session, url, sizes)) for url in sites]
        await asyncio.gather(*tasks, return_exceptions=True)
    return sizes


async def download_one_by_one(sites):
    sizes = {}
    async with aiohttp.ClientSession() as session:
        for url in sites:
            await download_site(session, url, sizes)
    return sizes


def main():
    start = time.perf_counter()
    sizes = asyncio.run(download_one_by_one(SITES[:8]))
    sequential = time.perf_counter() - start
    print(f'Downloaded {len(SITES[:8])} sites one by one in {sequential:.2f} s')

    start = time.perf_counter()
    sizes = asyncio.run(download_all_sites(SITES))
    concurrent = time.perf_counter() - start
    print(f'Downloaded {len(SITES)} sites concurrently in {concurrent:.2f} s')
    for url in sorted(sizes):
        print(f'  {sizes[url]:5d} bytes from {url}')
    print('80 concurrent downloads faster than 8 one by one:', concurrent < sequential)


main()
