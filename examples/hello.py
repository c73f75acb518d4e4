"""The first program for Taipan."""

print("Hello, world!")
