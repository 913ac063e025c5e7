# pyl-test: full-stderr
# an exception raised inside finally while another propagates
def work():
    try:
        raise ValueError("primary failure")
    finally:
        print("cleaning up")
        [].pop()

work()
