# if __name__ == "__main__" only runs in the main script.
import _mod_util
def main():
    print("main running", __name__)
    print("module name", _mod_util.__name__)
    return 0
if __name__ == "__main__":
    main()
else:
    print("imported")
print("module-level code always runs")
