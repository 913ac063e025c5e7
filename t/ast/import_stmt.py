import os
import os.path
import os.path as p, sys as s
from os import path
from os import path as p, sep
from os import (path, sep,)
from . import x
from .. import y
from ... import z
from .... import w
from .mod import a
from ...pkg.mod import b as c
from os import *
import a . b . c
