x = "text"
print(-x)
