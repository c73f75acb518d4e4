print({k: 1 / k for k in range(3)})
