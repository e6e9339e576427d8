# TaskGroup (3.11) when children fail: the others are cancelled and every error leaves in
# one ExceptionGroup, which except* takes apart.
import asyncio

cancelled = []


async def job(n):
    try:
        await asyncio.sleep(n / 20)
    except asyncio.CancelledError:
        cancelled.append(n)
        raise
    if n in (1, 2):
        raise (ValueError if n == 1 else KeyError)(f"job {n}")
    return n


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(job(n)) for n in (0, 1, 3, 4)]
    except* ValueError as group:
        print(type(group).__name__, group.message, [repr(e) for e in group.exceptions])
    finished = [t.result() for t in tasks if not t.cancelled() and t.exception() is None]
    print("done:", finished, "cancelled:", sorted(cancelled))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job(1))
            tg.create_task(job(2))
            await asyncio.sleep(1)
    except* ValueError as group:
        print("values:", [str(e) for e in group.exceptions])
    except* KeyError as group:
        print("keys:", [str(e) for e in group.exceptions])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job(1))
    except ExceptionGroup as eg:
        print(str(eg), eg.exceptions)


asyncio.run(main())
