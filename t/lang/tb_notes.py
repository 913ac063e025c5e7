# pyl-test: full-stderr
# exception notes (add_note) are printed after the message
def validate(cfg):
    try:
        int(cfg["port"])
    except ValueError as e:
        e.add_note(f"while validating port {cfg['port']!r}")
        e.add_note("check the configuration file")
        raise

validate({"port": "80a"})
