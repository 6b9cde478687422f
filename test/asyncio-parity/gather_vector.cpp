// gather over a list of tasks (a vector in C++), including void children,
// and the list kept by the caller. Python: gather_vector.py
#include <awaitc/awaitc.h>

#include <cstdio>
#include <variant>
#include <vector>

AWAITC_ASYNC awaitc::Coro<int> square(int x) {
  AWAIT(awaitc::sleep(0.1 * (5 - x)));
  std::printf("%.2f square(%d)\n", awaitc::loop_time(), x);
  return x * x;
}

AWAITC_ASYNC awaitc::Coro<void> note(int x) {
  AWAIT(awaitc::sleep(0.05 * x));
  std::printf("note %d\n", x);
}

static void print_list(const char *what, const std::vector<int> &v) {
  std::printf("%s [", what);
  for (std::size_t i = 0; i < v.size(); ++i)
    std::printf("%s%d", i ? ", " : "", v[i]);
  std::printf("]");
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  std::vector<awaitc::Task<int>> tasks;
  for (int x = 0; x < 5; ++x)
    tasks.push_back(awaitc::create_task(square(x)));
  std::vector<int> results = AWAIT(awaitc::gather(tasks));
  bool all_done = true;
  for (auto &t : tasks)
    all_done = all_done && t.done();
  print_list("results", results);
  std::printf(", tasks still held: %zu, all done: %s\n", tasks.size(),
              all_done ? "True" : "False");
  std::vector<awaitc::Coro<void>> coros;
  for (int x : {3, 1, 2})
    coros.push_back(note(x));
  std::vector<std::monostate> notes = AWAIT(awaitc::gather(std::move(coros)));
  std::printf("void results: %zu\n", notes.size());
  std::vector<int> again = AWAIT(awaitc::gather(tasks));
  print_list("again", again);
  std::printf("\n");
}

int main() {
  awaitc::RunOptions opts;
  opts.virtual_time = true;
  awaitc::run(main_coro(), opts);
}
