"""Run a script (or `-c CODE`) of a project tree with that tree's own packages only.

The venv has the current tree installed in editable mode: setuptools' finder maps every
package name of ours to the current tree. Python's own path finder wins for a module the
tree has, but a package the baseline tree lacks (a `templatetags` folder added later, say)
would still be found in the current tree by that finder, and mix two releases in one
process. Used by tests/deploy/upgrade.py for both trees: python isolated.py manage.py …
"""

import os
import runpy
import sys


def _not_editable(hook):
    return not getattr(hook, "__module__", "").startswith("__editable__")


sys.meta_path[:] = [finder for finder in sys.meta_path if _not_editable(finder)]
sys.path_hooks[:] = [hook for hook in sys.path_hooks if _not_editable(hook)]
sys.path_importer_cache.clear()
# The tree (the working directory), not this file's folder, is where imports start.
sys.path[0] = os.getcwd()

if sys.argv[1] == "-c":
    code = sys.argv[2]
    sys.argv = ["-c", *sys.argv[3:]]
    exec(compile(code, "<string>", "exec"), {"__name__": "__main__"})
else:
    sys.argv = sys.argv[1:]
    runpy.run_path(sys.argv[0], run_name="__main__")
