# pyl-test: full-stderr
# explicit cause, then implicit context on top: both chain separators
class ConfigError(Exception):
    pass

def read_port(cfg):
    try:
        return int(cfg["port"])
    except KeyError as e:
        raise ConfigError("port missing") from e

def start(cfg):
    try:
        read_port(cfg)
    except ConfigError:
        cleanup = None
        cleanup.close()

start({})
