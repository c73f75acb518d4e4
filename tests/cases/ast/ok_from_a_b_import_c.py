from .... a . b import (c as d, e,)
