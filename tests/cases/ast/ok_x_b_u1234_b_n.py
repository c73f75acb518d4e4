x = b'\u1234' + b'\N{DASH}'
