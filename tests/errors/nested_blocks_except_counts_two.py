# expect: SyntaxError: too many statically nested blocks
# line: 36
# An `except` body is two of CPython's 20 blocks (EXCEPTION_HANDLER and HANDLER_CLEANUP):
# ten nested handlers fill them, the `try` inside the tenth is one too many.
def f():
    try:
        pass
    except E:
        try:
            pass
        except E:
            try:
                pass
            except E:
                try:
                    pass
                except E:
                    try:
                        pass
                    except E:
                        try:
                            pass
                        except E:
                            try:
                                pass
                            except E:
                                try:
                                    pass
                                except E:
                                    try:
                                        pass
                                    except E:
                                        try:
                                            pass
                                        except E as e:
                                            with e:
                                                try:
                                                    pass
                                                finally:
                                                    pass
