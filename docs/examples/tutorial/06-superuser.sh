python -m blog createsuperuser --email admin@example.com --password 'correct horse battery'
