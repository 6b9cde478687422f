// A bounded Queue between three producers and two consumers. put() waits
// while the queue is full; each consumer calls task_done() for every item it
// takes, even when processing fails; join() returns once every item put has
// been processed; then the consumers, waiting forever in get(), are
// cancelled: a clean shutdown with nothing lost and nothing left behind.
// Python: producer_consumer.py
#include <awaitc/awaitc.h>

#include <cstddef>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

AWAITC_ASYNC awaitc::Coro<void> producer(awaitc::Queue<std::string> &queue,
                                         std::string name, int count) {
  for (int i = 0; i < count; ++i) {
    std::string item = name + std::to_string(i);
    AWAIT(queue.put(item));
    std::printf("%s put %s (qsize %zu)\n", name.c_str(), item.c_str(),
                queue.qsize());
  }
  std::printf("%s done\n", name.c_str());
}

AWAITC_ASYNC awaitc::Coro<void> process(const std::string &item,
                                        std::size_t cost) {
  for (std::size_t i = 0; i < cost; ++i)
    AWAIT(awaitc::sleep(0)); // stands for real work
  if (item == "b1")
    throw std::invalid_argument("cannot process " + item);
}

AWAITC_ASYNC awaitc::Coro<void> consumer(awaitc::Queue<std::string> &queue,
                                         std::string name,
                                         std::vector<std::string> &processed) {
  try {
    while (true) {
      std::string item = AWAIT(queue.get());
      try {
        AWAIT(process(item, processed.size() % 3));
        processed.push_back(item);
        std::printf("  %s processed %s\n", name.c_str(), item.c_str());
      } catch (const std::invalid_argument &e) {
        std::printf("  %s: %s\n", name.c_str(), e.what());
      } catch (...) {
        queue.task_done(); // Python's `finally`, on the way out
        throw;
      }
      queue.task_done();
    }
  } catch (const awaitc::CancelledError &) {
    std::printf("%s stops after %zu items\n", name.c_str(), processed.size());
    throw;
  }
}

AWAITC_ASYNC awaitc::Coro<void> main_coro() {
  awaitc::Queue<std::string> queue(2);
  std::map<std::string, std::vector<std::string>> processed;
  std::vector<awaitc::Task<void>> consumers;
  for (const char *name : {"c1", "c2"})
    consumers.push_back(
        awaitc::create_task(consumer(queue, name, processed[name])));
  std::vector<awaitc::Task<void>> producers;
  for (auto [name, count] : {std::pair<const char *, int>{"a", 3},
                             {"b", 2},
                             {"c", 4}})
    producers.push_back(awaitc::create_task(producer(queue, name, count)));
  AWAIT(awaitc::gather(producers));
  std::printf("producers done\n");
  AWAIT(queue.join());
  std::printf("all items processed, qsize %zu\n", queue.qsize());
  for (awaitc::Task<void> &task : consumers)
    task.cancel();
  AWAIT(awaitc::wait(consumers));
  bool all_cancelled = true;
  for (const awaitc::Task<void> &task : consumers)
    all_cancelled = all_cancelled && task.cancelled();
  std::printf("consumers cancelled: %s\n", all_cancelled ? "True" : "False");
  for (const auto &[name, items] : processed) {
    std::printf("%s: ", name.c_str());
    for (std::size_t i = 0; i < items.size(); ++i)
      std::printf("%s%s", i ? ", " : "", items[i].c_str());
    std::printf("\n");
  }
}

int main() { awaitc::run(main_coro()); }
