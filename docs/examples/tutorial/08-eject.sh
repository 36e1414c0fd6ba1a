scaffold blueprints eject resource/templates/detail.html
