# try/except/else/finally, nesting, re-raise, raise from, exception attributes.
def divide(a, b):
    try:
        r = a / b
    except ZeroDivisionError as e:
        print("caught:", e, "|", repr(e), "|", e.args)
        return None
    else:
        print("no error, result", r)
        return r
    finally:
        print("finally for", a, b)
print(divide(6, 3))
print(divide(1, 0))
for bad in ["12", "x1", None, [1]]:
    try:
        n = int(bad)
    except ValueError as e:
        print("ValueError:", e)
    except TypeError:
        print("TypeError for", type(bad).__name__)
    else:
        print("parsed", n)
try:
    {}["missing"]
except (IndexError, KeyError) as e:
    print(type(e).__name__, e, e.args, repr(e))
try:
    [1, 2][5]
except LookupError as e:
    print("LookupError subclass:", type(e).__name__, str(e))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        print("inner handler, re-raising")
        raise
except ArithmeticError as e:
    print("outer caught", type(e).__name__)
try:
    try:
        int("bad")
    except ValueError as e:
        raise RuntimeError("conversion failed") from e
except RuntimeError as e:
    print(repr(e), "| cause:", repr(e.__cause__), "| suppress:", e.__suppress_context__)
try:
    try:
        [].pop()
    except IndexError:
        raise KeyError("during handling")
except KeyError as e:
    print(repr(e), "| context:", repr(e.__context__), "| cause:", e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("no context") from None
except ValueError as e:
    print(repr(e), e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
def finally_return():
    try:
        return "from try"
    finally:
        print("finally runs before return")
print(finally_return())
def finally_order():
    log = []
    for i in range(3):
        try:
            if i == 1:
                continue
            log.append("body%d" % i)
        finally:
            log.append("fin%d" % i)
    return log
print(finally_order())
def nested():
    try:
        try:
            raise TypeError("deep")
        finally:
            print("inner finally")
    except TypeError as e:
        print("outer except", e)
    finally:
        print("outer finally")
nested()
e_ref = None
try:
    raise ValueError("a", 2, None)
except ValueError as e:
    e_ref = e
    print(e.args, str(e), repr(e))
print(type(e_ref).__name__, e_ref.args[1])
try:
    raise ValueError
except ValueError as e:
    print("bare class raise:", repr(e), e.args, repr(str(e)))
try:
    raise Exception()
except Exception as e:
    print(repr(e), repr(str(e)))
print(repr(KeyError("k")), str(KeyError("k")), str(KeyError()), str(KeyError(1, 2)))
print(repr(ValueError()), str(ValueError("x", "y")), repr(RuntimeError("r", 1)))
try:
    undefined_name_zz
except NameError as e:
    print("NameError:", e)
try:
    None.foo
except AttributeError as e:
    print("AttributeError:", e)
try:
    "abc" + 1
except TypeError as e:
    print("TypeError:", e)
caught = []
for exc in [ValueError, TypeError, KeyError, ZeroDivisionError]:
    try:
        raise exc("msg")
    except (ValueError, TypeError):
        caught.append("VT:" + exc.__name__)
    except LookupError:
        caught.append("L:" + exc.__name__)
    except Exception:
        caught.append("E:" + exc.__name__)
print(caught)
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError), issubclass(Exception, BaseException))
try:
    print("x")
except Exception:
    print("no")
else:
    print("else ran")
finally:
    print("finally ran")
def raise_in_finally():
    try:
        raise ValueError("original")
    finally:
        return "finally swallowed the error"
print(raise_in_finally())
