from a import b as c, d as e,
