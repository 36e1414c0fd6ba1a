scaffold generate resource Post 'title:str(200)' body:text \
    'status:enum(draft,published)=draft' 'published_at:datetime?' \
    'author:ref(Author)' 'tags:many(Tag)'
