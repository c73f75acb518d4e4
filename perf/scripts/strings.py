"""String building and processing: join, split, replace, format, slicing."""


def build_lines(n):
    lines = []
    for i in range(n):
        word = "item%d" % i
        lines.append(f"{i:06d}|{word.upper()}|{word[::-1]}|{len(word) * 'x'}")
    return lines


def process(lines):
    checksum = 0
    upper_count = 0
    pieces = []
    for line in lines:
        num, upper, rev, xs = line.split("|")
        if upper.startswith("ITEM1"):
            upper_count += 1
        swapped = rev.replace("meti", "ITEM").lower()
        checksum = (checksum * 31 + len(swapped) + int(num) + xs.count("x")) % 1000000007
        if num.endswith("00"):
            pieces.append(swapped.center(12, "*"))
    return checksum, upper_count, pieces


def accumulate(n):
    s = ""
    for i in range(n):
        s += chr(97 + i % 26)
        if len(s) > 100:
            s = s[50:]
    return s


total_len = 0
for _ in range(6):
    lines = build_lines(60000)
    text = "\n".join(lines)
    total_len += len(text)
    checksum, upper_count, pieces = process(text.splitlines())
print(total_len, checksum, upper_count)
print(" ".join(pieces[:5]))
print(accumulate(300000))
print("-".join(sorted(set("".join(pieces)))))
