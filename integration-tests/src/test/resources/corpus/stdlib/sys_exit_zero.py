# sys.exit(0) and sys.exit() end the program successfully.
import sys
def cleanup_demo():
    try:
        print("about to exit")
        sys.exit(0)
    finally:
        print("finally still runs")
cleanup_demo()
print("never printed")
