// The benchmark's load generator: C connections to 127.0.0.1:PORT, each
// sending a message of S bytes and waiting for all of it to come back,
// again and again for D seconds (one thread per connection, blocking
// sockets, so the client costs the same whatever the server).
// `echo_load PORT CONNECTIONS SIZE SECONDS` prints
//   requests/s  MB/s  p50_us  p99_us
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: echo_load PORT CONNECTIONS SIZE SECONDS\n");
    return 2;
  }
  const int port = std::atoi(argv[1]);
  const int connections = std::atoi(argv[2]);
  const std::size_t size = std::strtoul(argv[3], nullptr, 10);
  const double seconds = std::atof(argv[4]);
  std::atomic<bool> stop{false};
  std::vector<std::vector<double>> latencies(connections);
  std::vector<std::thread> threads;
  using Clock = std::chrono::steady_clock;
  for (int c = 0; c < connections; ++c) {
    threads.emplace_back([&, c] {
      int fd = ::socket(AF_INET, SOCK_STREAM, 0);
      sockaddr_in address{};
      address.sin_family = AF_INET;
      address.sin_port = htons(static_cast<unsigned short>(port));
      address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      if (::connect(fd, reinterpret_cast<sockaddr *>(&address),
                    sizeof address) < 0) {
        std::perror("connect");
        std::exit(1);
      }
      int one = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      std::string message(size, 'e');
      std::vector<char> back(size);
      while (!stop) {
        const auto start = Clock::now();
        if (::send(fd, message.data(), size, 0) != static_cast<ssize_t>(size))
          break;
        std::size_t got = 0;
        while (got < size) {
          ssize_t n = ::recv(fd, back.data() + got, size - got, 0);
          if (n <= 0) {
            got = 0;
            break;
          }
          got += static_cast<std::size_t>(n);
        }
        if (got < size)
          break;
        latencies[c].push_back(
            std::chrono::duration<double, std::micro>(Clock::now() - start)
                .count());
      }
      ::close(fd);
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (std::thread &t : threads)
    t.join();
  std::vector<double> all;
  for (auto &l : latencies)
    all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  const double requests = static_cast<double>(all.size()) / seconds;
  const double p50 = all.empty() ? 0 : all[all.size() / 2];
  const double p99 = all.empty() ? 0 : all[all.size() * 99 / 100];
  std::printf("%.0f %.1f %.0f %.0f\n", requests,
              requests * static_cast<double>(size) * 2 / 1e6, p50, p99);
}
