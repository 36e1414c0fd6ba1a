DEBUG=true python -m blog serve
