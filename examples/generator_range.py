# Generators over range(10). C++ twin: generator_range.cpp
def up_to(stop):
    # Like range(stop): 0, 1, ..., stop - 1.
    for i in range(stop):
        yield i


def chatty_range(stop):
    # Prints around each yield, to show when the body runs.
    print("  generator starts")
    for i in range(stop):
        print(f"  yield {i}")
        yield i
        print(f"  resumed after {i}")
    print("  generator ends")


def main():
    for v in up_to(10):
        print(v)

    total = 0
    for v in up_to(10):
        total += v
    print(f"sum of up_to(10) = {total}")

    gen = chatty_range(3)  # nothing runs yet
    print("generator created")
    for v in gen:
        print(f"got {v}")

    for v in chatty_range(10):
        print(f"got {v}")
        if v == 1:
            break  # the generator is dropped, suspended at its yield
    print("stopped early")


main()
