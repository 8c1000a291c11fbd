// Thread fan-out for independent items; terminal progress line.
#include "base/parallel.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace dossier {

static long long now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

int resolve_jobs(int requested) {
  if (requested > 0) return requested;
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

Progress::Progress(std::string label, size_t total, bool enabled)
    : label_(std::move(label)),
      total_(total),
      enabled_(enabled && isatty(STDERR_FILENO)),
      start_ms_(now_ms()) {}

Progress::~Progress() {
  if (drawn_) {
    draw(done_.load());
    std::fputc('\n', stderr);
  }
}

void Progress::step() {
  size_t done = ++done_;
  if (!enabled_) return;
  long long now = now_ms();
  // Only builds that take a while get a progress line; redraw at most 10 times a second.
  if (now - start_ms_ < 500 || now - last_draw_ms_.load() < 100) return;
  last_draw_ms_ = now;
  draw(done);
}

void Progress::draw(size_t done) {
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  std::fprintf(stderr, "\r%s %zu/%zu", label_.c_str(), done, total_);
  std::fflush(stderr);
  drawn_ = true;
}

void parallel_for(size_t n, int jobs, const std::function<void(size_t)>& f, Progress* progress) {
  std::atomic<size_t> next{0};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto worker = [&] {
    for (size_t i; (i = next++) < n;) {
      try {
        f(i);
      } catch (...) {
        std::lock_guard lock(error_mutex);
        if (!error) error = std::current_exception();
        next = n;
      }
      if (progress) progress->step();
    }
  };
  size_t threads = std::min<size_t>(static_cast<size_t>(std::max(jobs, 1)), n);
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace dossier
