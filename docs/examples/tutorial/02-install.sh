pip install -e '.[dev]'
