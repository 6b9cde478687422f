// std_coroutines.cpp - annotated coroutines and a generator over standard
// library types, in a translation unit that includes the whole (non-
// deprecated) C++17 standard library.
//
// The tool must transform them (its output must compile with g++) and do
// so deterministically, whatever the standard headers declare around them.
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

namespace robust {
AWAITC_ASYNC awaitc::Coro<int> value(int x) {
  AWAIT(awaitc::sleep(0));
  return x;
}

AWAITC_ASYNC awaitc::Coro<std::string> words(std::vector<std::string> in) {
  std::map<std::string, int> counts;
  std::string joined;
  for (const std::string &w : in) {
    counts[w] += AWAIT(value(1));
    joined += w;
  }
  std::optional<int> maybe = AWAIT(value(static_cast<int>(counts.size())));
  std::unique_ptr<int> owned = std::make_unique<int>(*maybe);
  AWAIT(awaitc::sleep(0));
  std::variant<int, std::string> var = joined;
  if (std::holds_alternative<std::string>(var))
    joined += std::to_string(*owned);
  return joined;
}

AWAITC_GENERATOR awaitc::Generator<std::pair<int, std::string>>
enumerate(std::vector<std::string> xs) {
  int i = 0;
  for (auto &x : xs)
    YIELD(std::make_pair(i++, x));
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::string s = AWAIT(words({"a", "b", "a"}));
  for (auto [i, x] : enumerate({"x", "y"}))
    std::printf("%d %s %s\n", i, x.c_str(), s.c_str());
  std::function<int(int)> f = [](int k) { return k + 1; };
  int r = f(AWAIT(value(2)));
  std::printf("%d\n", r);
}
} // namespace robust

int main() { awaitc::run(robust::main_coro()); }
