scaffold generate resource Author 'name:str(120)' email:email:unique 'bio:text?'
scaffold generate resource Tag 'name:str(50):unique'
