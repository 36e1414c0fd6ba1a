scaffold blueprints list                                    # what can be overridden
scaffold blueprints eject resource/templates/detail.html    # copy one template
$EDITOR blueprints/resource/templates/detail.html.jinja     # change it
scaffold sync --dry-run                                     # every detail page follows
scaffold sync
