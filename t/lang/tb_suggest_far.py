# pyl-test: full-stderr
# names too different from every candidate get no "Did you mean"
class Config:
    debug = False
Config.completely_unrelated_name
