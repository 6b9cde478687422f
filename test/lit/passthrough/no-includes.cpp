// A file with no #include at all comes out byte-identical.
//
// RUN: %awaitc %s -o %t.cpp -- -std=c++17
// RUN: cmp %s %t.cpp
// RUN: %awaitc %s -- -std=c++17 > %t.stdout.cpp
// RUN: cmp %s %t.stdout.cpp

static int square(int x) { return x * x; }

template <typename T> T twice(T x) { return x + x; }

struct Point {
  int x, y;
  int dot(const Point &o) const { return x * o.x + y * o.y; }
};

int main() {
  Point p{1, 2};
  return square(p.dot(p)) - twice(12) - 1;
}
