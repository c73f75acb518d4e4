value = None
value.strip()
