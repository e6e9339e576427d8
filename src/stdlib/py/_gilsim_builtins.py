"""The builtins gilsim writes in Python: what `anext(it, default)` awaits."""


async def anext_or_default(awaitable, default):
    """The iterator's next item, or `default` once it is exhausted."""
    try:
        return await awaitable
    except StopAsyncIteration:
        return default
