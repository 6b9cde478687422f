// A translation unit without any annotated function must come out of awaitc
// byte-identical, however much it includes: here most of the C++17 standard
// library and the whole awaitc runtime, plus ordinary code that mentions the
// runtime's types without being a coroutine.
//
// RUN: %awaitc %s -o %t.cpp -- -std=c++17 -I%awaitc-include
// RUN: cmp %s %t.cpp
// Without -o the result goes to standard output:
// RUN: %awaitc %s -- -std=c++17 -I%awaitc-include > %t.stdout.cpp
// RUN: cmp %s %t.stdout.cpp
// The input itself is valid, warning-free C++17 for both compilers:
// RUN: %cxx-gcc -fsyntax-only %s
// RUN: %cxx-clang -fsyntax-only %s

#include <awaitc/awaitc.h>

#include <algorithm>
#include <any>
#include <array>
#include <atomic>
#include <bitset>
#include <cassert>
#include <cctype>
#include <cerrno>
#include <cfenv>
#include <cfloat>
#include <charconv>
#include <chrono>
#include <cinttypes>
#include <climits>
#include <clocale>
#include <cmath>
#include <codecvt>
#include <complex>
#include <condition_variable>
#include <csetjmp>
#include <csignal>
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <cuchar>
#include <cwchar>
#include <cwctype>
#include <deque>
#include <exception>
#include <execution>
#include <filesystem>
#include <forward_list>
#include <fstream>
#include <functional>
#include <future>
#include <initializer_list>
#include <iomanip>
#include <ios>
#include <iosfwd>
#include <iostream>
#include <istream>
#include <iterator>
#include <limits>
#include <list>
#include <locale>
#include <map>
#include <memory>
#include <memory_resource>
#include <mutex>
#include <new>
#include <numeric>
#include <optional>
#include <ostream>
#include <queue>
#include <random>
#include <ratio>
#include <regex>
#include <scoped_allocator>
#include <set>
#include <shared_mutex>
#include <sstream>
#include <stack>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <tuple>
#include <type_traits>
#include <typeindex>
#include <typeinfo>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <valarray>
#include <variant>
#include <vector>

#define SQUARE(x) ((x) * (x))
#define STRINGIFY_IMPL(x) #x
#define STRINGIFY(x) STRINGIFY_IMPL(x)

namespace plain {

// Mentions of AWAIT(x) and YIELD(x) in comments and strings are just text.
constexpr const char *kNotAMarker = "AWAIT(awaitc::sleep(0)); YIELD(42);";
constexpr const char *kRaw = R"awaitc(
  AWAITC_ASYNC awaitc::Coro<int> f() { return AWAIT(g()); }
)awaitc";

template <class T> struct Accumulator {
  std::vector<T> values;
  void add(T v) { values.push_back(std::move(v)); }
  T sum() const { return std::accumulate(values.begin(), values.end(), T{}); }
};

// Returns Coro<int> without the annotation: an ordinary function that hands
// another function's coroutine on. awaitc leaves it alone.
inline awaitc::Coro<int> forward(awaitc::Coro<int> coro) { return coro; }

// An ordinary function taking a Generator by reference.
inline int count_all(awaitc::Generator<int> &gen) {
  int n = 0;
  for (int v : gen) {
    (void)v;
    ++n;
  }
  return n;
}

struct Shape {
  virtual ~Shape() = default;
  virtual double area() const = 0;
};
struct Square final : Shape {
  explicit Square(double s) : side(s) {}
  double area() const override { return SQUARE(side); }
  double side;
};

std::string describe(const std::variant<int, std::string, double> &v) {
  return std::visit(
      [](const auto &x) {
        std::ostringstream os;
        os << x;
        return os.str();
      },
      v);
}

std::optional<int> parse(std::string_view s) {
  int value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size())
    return std::nullopt;
  return value;
}

int with_threads() {
  std::mutex m;
  int counter = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i)
    threads.emplace_back([&] {
      std::lock_guard<std::mutex> lock(m);
      ++counter;
    });
  for (auto &t : threads)
    t.join();
  std::future<int> f = std::async(std::launch::deferred, [] { return 7; });
  return counter + f.get();
}

bool matches(const std::string &s) {
  static const std::regex re("^[a-z]+[0-9]*$");
  return std::regex_match(s, re);
}

}	// namespace plain (a tab before this comment)   

int main() {
  using namespace std::chrono_literals;
  plain::Accumulator<int> acc;
  for (int i : {1, 2, 3})
    acc.add(i);
  std::map<std::string, int> counts{{"a", 1}, {"b", 2}};
  std::unique_ptr<plain::Shape> shape = std::make_unique<plain::Square>(2.0);
  std::any any = std::string("any");
  std::filesystem::path p = std::filesystem::path("dir") / "file.txt";
  std::printf("%d %zu %.1f %s %s %s %d %d %s %s\n", acc.sum(), counts.size(),
              shape->area(), plain::describe(3.5).c_str(),
              std::any_cast<std::string>(any).c_str(), p.filename().c_str(),
              plain::parse("12").value_or(-1), plain::with_threads(),
              plain::matches("abc1") ? "yes" : "no", STRINGIFY(SQUARE(3)));
  std::cout << plain::kNotAMarker << plain::kRaw << std::chrono::duration<double>(1ms).count()
            << '\n';
  // Unicode in a comment: naïve café, 日本語 ✓
}
