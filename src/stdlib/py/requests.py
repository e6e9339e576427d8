"""A *simulated* `requests`: no network, so the lectures' I/O-bound demos run offline.

get(url) waits a deterministic per-URL latency with the GIL released (like a real socket
read) and returns a Response whose text, content, status_code and url are made up from the
URL. The mean latency is `requests.latency` seconds (default from `gilsim run --io-latency`,
0.1 s); each URL gets between 0.5x and 1.5x of it. httpbin-style paths are honoured:
`/delay/N` waits N seconds, `/status/CODE` answers with that status code.
"""

import _gilsim

__version__ = '2.32.3 (gilsim simulation)'

latency = _gilsim.io_latency()

_REASONS = {200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently',
            302: 'Found', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
            404: 'Not Found', 418: "I'm a teapot", 429: 'Too Many Requests',
            500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable'}


class RequestException(OSError):
    pass


class HTTPError(RequestException):
    pass


class ConnectionError(RequestException):
    pass


class Timeout(RequestException):
    pass


class ReadTimeout(Timeout):
    pass


class exceptions:
    """`requests.exceptions.X` names."""
    RequestException = RequestException
    HTTPError = HTTPError
    ConnectionError = ConnectionError
    Timeout = Timeout
    ReadTimeout = ReadTimeout


class _Elapsed:
    """Stands for the datetime.timedelta of `Response.elapsed`."""

    def __init__(self, seconds):
        self._seconds = seconds

    def total_seconds(self):
        return self._seconds

    def __repr__(self):
        return 'datetime.timedelta(microseconds=%d)' % round(self._seconds * 1e6)


class Response:
    def __init__(self, method, url, status_code, body, elapsed):
        self.request_method = method
        self.url = url
        self.status_code = status_code
        self.reason = _REASONS.get(status_code, 'Unknown')
        self.text = body
        self.content = body.encode()
        self.encoding = 'utf-8'
        self.headers = {'Content-Type': 'text/html; charset=utf-8',
                        'Content-Length': str(len(self.content)),
                        'X-Simulated-By': 'gilsim'}
        self.elapsed = _Elapsed(elapsed)

    @property
    def ok(self):
        return self.status_code < 400

    def raise_for_status(self):
        if 400 <= self.status_code < 500:
            raise HTTPError('%d Client Error: %s for url: %s'
                            % (self.status_code, self.reason, self.url))
        if 500 <= self.status_code < 600:
            raise HTTPError('%d Server Error: %s for url: %s'
                            % (self.status_code, self.reason, self.url))

    def json(self):
        return {'url': self.url, 'simulated': True, 'status': self.status_code}

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __bool__(self):
        return self.ok

    def __repr__(self):
        return '<Response [%d]>' % self.status_code


def _url_fraction(url):
    """A number in [0, 1) that depends only on the URL (FNV-1a), for per-URL latency."""
    h = 2166136261
    for ch in url:
        h = ((h ^ ord(ch)) * 16777619) & 0xFFFFFFFF
    return (h % 1000) / 1000


def _path_number(url, marker):
    i = url.find(marker)
    if i < 0:
        return None
    digits = ''
    for ch in url[i + len(marker):]:
        if not ch.isdigit() and ch != '.':
            break
        digits += ch
    return float(digits) if digits else None


def _simulated_latency(url):
    delay = _path_number(url, '/delay/')
    if delay is not None:
        return delay
    return latency * (0.5 + _url_fraction(url))


def _timeout_seconds(timeout):
    if isinstance(timeout, tuple):
        timeout = timeout[-1]
    return timeout


def request(method, url, params=None, data=None, json=None, headers=None, timeout=None,
            **kwargs):
    """Waits the URL's simulated latency (GIL released) and returns a made-up Response."""
    url = str(url)
    if '://' not in url:
        raise RequestException("Invalid URL %r: No scheme supplied. Perhaps you meant "
                               "https://%s?" % (url, url))
    wait = _simulated_latency(url)
    limit = _timeout_seconds(timeout)
    if limit is not None and wait > limit:
        _gilsim.io_wait(limit, 'a response from ' + url)
        raise ReadTimeout("HTTPSConnectionPool: Read timed out. (read timeout=%s)" % limit)
    _gilsim.io_wait(wait, 'a response from ' + url)
    status = _path_number(url, '/status/')
    status = int(status) if status is not None else 200
    size = 256 + int(_url_fraction(url + '#size') * 4096)
    head = '<!doctype html><title>%s</title><!-- simulated by gilsim -->' % url
    body = head + 'x' * max(0, size - len(head))
    return Response(method.upper(), url, status, body, wait)


def get(url, params=None, **kwargs):
    return request('get', url, params=params, **kwargs)


def head(url, **kwargs):
    return request('head', url, **kwargs)


def post(url, data=None, json=None, **kwargs):
    return request('post', url, data=data, json=json, **kwargs)


def put(url, data=None, **kwargs):
    return request('put', url, data=data, **kwargs)


def delete(url, **kwargs):
    return request('delete', url, **kwargs)


class Session:
    """A connection pool in the real library; here the same simulated requests."""

    def __init__(self):
        self.headers = {}

    def request(self, method, url, **kwargs):
        return request(method, url, **kwargs)

    def get(self, url, **kwargs):
        return request('get', url, **kwargs)

    def head(self, url, **kwargs):
        return request('head', url, **kwargs)

    def post(self, url, data=None, json=None, **kwargs):
        return request('post', url, data=data, json=json, **kwargs)

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def session():
    return Session()
