"""A *simulated* `aiohttp` client: no network, so the lectures' asyncio download demos run
offline and, in simulated runs, deterministically.

It shares the simulated `requests`' model: the same per-URL latency (mean
`requests.latency` seconds, from `gilsim run --io-latency`), the same httpbin-style paths
(`/delay/N`, `/status/CODE`) and the same made-up bodies. Where `requests.get` blocks its
thread with the GIL released, `session.get` awaits `asyncio.sleep(latency)`: the event loop
runs other tasks meanwhile, which is the whole point of the asyncio version.
"""

import asyncio as _asyncio
import requests as _requests

__version__ = '3.9.1 (gilsim simulation)'


class ClientError(Exception):
    pass


class ClientConnectionError(ClientError):
    pass


class InvalidURL(ClientError, ValueError):
    pass


class ClientResponseError(ClientError):
    def __init__(self, request_info, history, *, status=None, message='', headers=None):
        ClientError.__init__(self, '%s, message=%r, url=%r' % (status, message, request_info))
        self.request_info = request_info
        self.status = status
        self.message = message
        self.headers = headers


class ServerTimeoutError(ClientConnectionError, _asyncio.TimeoutError):
    pass


class ClientTimeout:
    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect

    def __repr__(self):
        return ('ClientTimeout(total=%r, connect=%r, sock_read=%r, sock_connect=%r)'
                % (self.total, self.connect, self.sock_read, self.sock_connect))


class TCPConnector:
    def __init__(self, limit=100, limit_per_host=0, **kwargs):
        self.limit = limit
        self.limit_per_host = limit_per_host

    async def close(self):
        pass


class URL:
    """What yarl.URL is to aiohttp: `str(response.url)` is the URL."""

    def __init__(self, text):
        self._text = str(text)
        scheme, _, rest = self._text.partition('://')
        self.scheme = scheme
        self.host = rest.split('/', 1)[0]
        self.path = '/' + rest.split('/', 1)[1] if '/' in rest else '/'

    def __str__(self):
        return self._text

    def __repr__(self):
        return 'URL(%r)' % (self._text,)

    def __eq__(self, other):
        return isinstance(other, URL) and other._text == self._text

    def __hash__(self):
        return hash(self._text)

    def human_repr(self):
        return self._text


class ClientResponse:
    def __init__(self, method, url, status, body):
        self.method = method
        self.url = URL(url)
        self.real_url = self.url
        self.status = status
        self.reason = _requests._REASONS.get(status, 'Unknown')
        self._body = body
        self.content_type = 'text/html'
        self.charset = 'utf-8'
        self.headers = {'Content-Type': 'text/html; charset=utf-8',
                        'Content-Length': str(len(body.encode())),
                        'X-Simulated-By': 'gilsim'}
        self.content_length = len(body.encode())
        self.ok = status < 400
        self.closed = False

    async def text(self, encoding=None, errors='strict'):
        return self._body

    async def read(self):
        return self._body.encode()

    async def json(self, *, content_type='application/json', **kwargs):
        return {'url': str(self.url), 'simulated': True, 'status': self.status}

    def raise_for_status(self):
        if self.status >= 400:
            raise ClientResponseError(str(self.url), (), status=self.status,
                                      message=self.reason, headers=self.headers)

    def release(self):
        self.closed = True

    def close(self):
        self.closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, *args):
        self.release()

    def __repr__(self):
        return '<ClientResponse(%s) [%d %s]>' % (self.url, self.status, self.reason)


class _RequestContextManager:
    """`session.get(url)`: awaited, it is the response; in `async with`, the response is
    released on the way out."""

    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        self._resp = await self._coro
        return self._resp

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()


class ClientSession:
    def __init__(self, base_url=None, *, timeout=None, headers=None, connector=None,
                 raise_for_status=False, **kwargs):
        self._base_url = base_url
        self._timeout = timeout
        self.headers = dict(headers or {})
        self._connector = connector
        self._raise_for_status = raise_for_status
        self._closed = False

    @property
    def closed(self):
        return self._closed

    async def _request(self, method, url, timeout=None, **kwargs):
        if self._closed:
            raise RuntimeError('Session is closed')
        url = str(url)
        if self._base_url is not None and '://' not in url:
            url = str(self._base_url).rstrip('/') + '/' + url.lstrip('/')
        if '://' not in url:
            raise InvalidURL(url)
        wait = _requests._simulated_latency(url)
        limit = timeout if timeout is not None else self._timeout
        if isinstance(limit, ClientTimeout):
            limit = limit.total
        if limit is not None and wait > limit:
            await _asyncio.sleep(limit)
            raise _asyncio.TimeoutError()
        await _asyncio.sleep(wait)
        status = _requests._path_number(url, '/status/')
        status = int(status) if status is not None else 200
        size = 256 + int(_requests._url_fraction(url + '#size') * 4096)
        head = '<!doctype html><title>%s</title><!-- simulated by gilsim -->' % url
        body = head + 'x' * max(0, size - len(head))
        response = ClientResponse(method.upper(), url, status, body)
        if self._raise_for_status:
            response.raise_for_status()
        return response

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self._request(method, url, **kwargs))

    def get(self, url, **kwargs):
        return _RequestContextManager(self._request('get', url, **kwargs))

    def head(self, url, **kwargs):
        return _RequestContextManager(self._request('head', url, **kwargs))

    def post(self, url, *, data=None, json=None, **kwargs):
        return _RequestContextManager(self._request('post', url, **kwargs))

    def put(self, url, *, data=None, **kwargs):
        return _RequestContextManager(self._request('put', url, **kwargs))

    def delete(self, url, **kwargs):
        return _RequestContextManager(self._request('delete', url, **kwargs))

    async def close(self):
        self._closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()

    def __repr__(self):
        return '<aiohttp.client.ClientSession object at %s>' % (hex(id(self)),)


async def request(method, url, **kwargs):
    async with ClientSession() as session:
        response = await session._request(method, url, **kwargs)
    return response
