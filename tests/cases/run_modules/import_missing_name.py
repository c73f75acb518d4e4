from sys import maxsize
print(maxsize > 0)
from sys import no_such_name
