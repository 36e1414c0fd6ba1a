scaffold blueprints eject resource/model.py resource/schemas.py   # several files
scaffold blueprints eject resource/templates                      # a folder
scaffold blueprints eject migration                               # a kind
scaffold blueprints eject                                         # everything
scaffold blueprints eject resource/model.py --force               # start over from the bundled one
