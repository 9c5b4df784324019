# Uncaught chained exception: the last stderr line is the outer exception.
class ConfigError(Exception):
    pass
def load(settings, key):
    try:
        return int(settings[key])
    except KeyError as e:
        raise ConfigError(f"missing setting {key}") from e
s = {"workers": "4"}
print(load(s, "workers"))
print(load(s, "threads"))
