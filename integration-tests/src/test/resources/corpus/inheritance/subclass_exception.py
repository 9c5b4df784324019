# Exception hierarchies built by subclassing.
class AppError(Exception):
    pass
class ConfigError(AppError):
    def __init__(self, key, reason):
        super().__init__(f"bad config key {key!r}: {reason}")
        self.key = key
        self.reason = reason
class NetworkError(AppError):
    def __init__(self, host, code=500):
        super().__init__(host, code)
        self.code = code
def fail(kind):
    if kind == "config":
        raise ConfigError("timeout", "must be positive")
    if kind == "net":
        raise NetworkError("example.org", 503)
    if kind == "app":
        raise AppError("generic failure")
    if kind == "value":
        raise ValueError("not ours")
for kind in ["config", "net", "app", "value"]:
    try:
        fail(kind)
    except ConfigError as e:
        print("config:", e, e.key, e.reason, e.args)
    except NetworkError as e:
        print("network:", e, e.code, e.args, repr(e))
    except AppError as e:
        print("app:", e, repr(e), isinstance(e, Exception))
    except Exception as e:
        print("other:", type(e).__name__, e)
print(issubclass(ConfigError, AppError), issubclass(AppError, Exception), issubclass(ConfigError, BaseException))
print([c.__name__ for c in (ConfigError, AppError, Exception)])
