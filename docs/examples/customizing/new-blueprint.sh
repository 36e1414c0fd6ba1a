scaffold new shop --blueprint ../company-skeleton --defaults
scaffold new shop --blueprint git+https://git.example.com/platform/skeleton.git --defaults
scaffold new shop --blueprint gh:example/scaffold-skeleton --data description='Our shop'
