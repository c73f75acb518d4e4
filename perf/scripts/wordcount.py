"""Dicts and sets: counting words of a generated text."""

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "shi", "po", "ve", "zu", "an", "el"]


def generate(n, seed):
    words = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        length = 1 + (x >> 16) % 3
        word = ""
        y = x
        for _ in range(length):
            word += SYLLABLES[y % len(SYLLABLES)]
            y //= len(SYLLABLES)
        words.append(word)
    return words


def count(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def bigrams(words):
    seen = set()
    pairs = {}
    for a, b in zip(words, words[1:]):
        key = (a, b)
        if key in seen:
            pairs[key] += 1
        else:
            seen.add(key)
            pairs[key] = 1
    return pairs


words = generate(800000, 42)
counts = count(words)
pairs = bigrams(words)
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
print(len(words), len(counts), len(pairs))
for word, n in top:
    print(word, n)
initials = {}
for w in counts:
    initials.setdefault(w[0], set()).add(w)
print(sorted((k, len(v)) for k, v in initials.items()))
common = {w for w, n in counts.items() if n > 600} & set(words[:1000])
print(len(common), max(pairs.values()))
