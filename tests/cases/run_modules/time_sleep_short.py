import time
start = time.perf_counter()
time.sleep(0.01)
elapsed = time.perf_counter() - start
print(elapsed >= 0.009, elapsed < 5)
print(time.sleep(0))
