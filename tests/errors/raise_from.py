# expect: ConfigError: port is missing
# line: 9
class ConfigError(Exception):
    pass
def load(cfg):
    try:
        return cfg["port"]
    except KeyError as e:
        raise ConfigError("port is missing") from e
print(load({"port": 80}))
load({})
