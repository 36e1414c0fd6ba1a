scaffold undo
