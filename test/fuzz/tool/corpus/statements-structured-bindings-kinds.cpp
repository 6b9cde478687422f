#include <awaitc/awaitc.h>

#include <cstdio>
#include <map>
#include <string>
#include <tuple>
#include <utility>

AWAITC_ASYNC awaitc::Coro<std::pair<int, std::string>> fetch(int id) {
  AWAIT(awaitc::sleep(0));
  return {id, "item" + std::to_string(id)};
}

struct Point {
  int x, y;
};

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  auto [id, name] = AWAIT(fetch(7));
  AWAIT(awaitc::sleep(0));
  std::printf("%d %s\n", id, name.c_str());

  std::tuple<int, double, std::string> t{1, 2.5, "three"};
  auto &[a, b, c] = t;
  AWAIT(awaitc::sleep(0));
  a += 10;
  c += "!";
  std::printf("%d %.1f %s (tuple %d %s)\n", a, b, c.c_str(), std::get<0>(t),
              std::get<2>(t).c_str());

  Point p{3, 4};
  auto [px, py] = p;
  int arr[2] = {5, 6};
  auto &[first, second] = arr;
  AWAIT(awaitc::sleep(0));
  second = 60;
  std::printf("%d %d %d %d %d\n", px, py, first, second, arr[1]);

  std::map<std::string, int> m{{"a", 1}, {"b", 2}};
  for (auto &[key, value] : m) {
    AWAIT(awaitc::sleep(0));
    value *= 10;
    std::printf("%s=%d\n", key.c_str(), value);
  }
  std::printf("total %d\n", m["a"] + m["b"]);
}

int main() { awaitc::run(main_coro()); }
