def worker():
    yield "working"
    return {"status": "ok", "count": 2}


w = worker()
print(next(w))
next(w)
