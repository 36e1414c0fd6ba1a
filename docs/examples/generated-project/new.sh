scaffold new my-blog --defaults                       # package my_blog
scaffold new news --data package_name=newsroom --data description="Our news"
scaffold new blog --spec blog.yaml --defaults         # plus every resource of blog.yaml
