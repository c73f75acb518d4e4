print("about to raise")
raise RuntimeError()
