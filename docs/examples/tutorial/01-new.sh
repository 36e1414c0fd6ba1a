scaffold new blog --defaults
cd blog
