x = 3.14159265
print(f"{x:.2f}|{x:10.3f}|{x:<10.1f}|{x:^10.2f}|{x:+.1f}")
print(f"{x:e}|{x:.2e}|{x:E}|{x:g}|{x:.3g}")
print(f"{1e-5:g}|{1e16:g}|{123456789.0:g}|{0.0001:g}")
print(f"{x:%}|{0.25:.1%}|{1234567.891:,.2f}|{1234567.891:_.1f}")
print(f"{-0.0:.1f}|{1.5:08.2f}|{-1.5:08.2f}|{2.5:.0f}|{3.5:.0f}")
print(format(float("inf"), "f"), format(float("nan"), ".2f"), format(float("-inf"), "e"))
print(format(1.0), format(1e100, ".3"), format(0.1, ".20f"))
print("%.3f %e %g %G" % (x, x, 1e-10, 1e-10))
