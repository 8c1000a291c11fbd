// Parallel loops over independent work items (parse and render run on all
// cores), with an optional progress line on a terminal.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>

namespace dossier {

// Number of worker threads for `--jobs N` (0: all cores).
int resolve_jobs(int requested);

// A progress line on stderr ("render 5120/10000"), shown only when stderr is
// a terminal and the work takes a while; silent otherwise.
class Progress {
 public:
  Progress(std::string label, size_t total, bool enabled);
  ~Progress();
  void step();

 private:
  void draw(size_t done);
  std::string label_;
  size_t total_;
  bool enabled_;
  std::atomic<size_t> done_{0};
  std::atomic<long long> last_draw_ms_{0};
  long long start_ms_;
  bool drawn_ = false;
};

// Calls f(i) for i in [0, n) on `jobs` threads. Each index runs once; the
// order of calls is unspecified. Exceptions are rethrown after all threads stop.
void parallel_for(size_t n, int jobs, const std::function<void(size_t)>& f,
                  Progress* progress = nullptr);

}  // namespace dossier
