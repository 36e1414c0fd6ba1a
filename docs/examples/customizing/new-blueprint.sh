scaffold new shop --blueprint ../company-skeleton --defaults
