scaffold sync
