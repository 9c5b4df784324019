# Importing a module that does not exist.
print("before import")
import nonexistent_helper_module
print("unreachable")
