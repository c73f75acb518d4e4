import a.b.c as d, e as f, g
