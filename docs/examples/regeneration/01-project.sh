scaffold new shop --defaults
cd shop
scaffold generate resource Product 'name:str(120)' 'price:decimal(10,2)'
