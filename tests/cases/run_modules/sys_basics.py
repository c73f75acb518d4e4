import sys
print(sys.argv)
print(len(sys.argv), sys.argv[0])
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1)
print(sys.version_info[:2], sys.version_info[0], sys.version_info.major, sys.version_info.minor)
print(sys.version_info >= (3, 11), sys.version_info < (4,))
print(type(sys.version).__name__, sys.version.startswith("3.11"))
print(sys.getrecursionlimit())
print(sys.byteorder, sys.float_info.max, sys.float_info.epsilon, sys.int_info.bits_per_digit > 0)
