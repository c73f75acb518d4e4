def f(a,
      b
