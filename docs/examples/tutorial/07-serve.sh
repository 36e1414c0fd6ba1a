python -m blog serve
