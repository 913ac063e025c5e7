foo(
  x,
  ]
