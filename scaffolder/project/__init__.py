"""The project skeleton: the Copier blueprint `scaffold new` renders (`skeleton.py`), the
names its questions default to (`names.py`), and which directory is the project's
package (`package.py`). What `new` does with them is `scaffolder.commands.new`."""
