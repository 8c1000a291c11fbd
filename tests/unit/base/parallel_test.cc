// Tests for base/parallel: every index runs once, exceptions come back.
#include "base/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

namespace dossier {
namespace {

TEST(ParallelFor, RunsEachIndexOnce) {
  std::vector<std::atomic<int>> seen(1000);
  parallel_for(seen.size(), 4, [&](size_t i) { ++seen[i]; });
  for (const auto& s : seen) EXPECT_EQ(s.load(), 1);
}

TEST(ParallelFor, NothingToDo) {
  int calls = 0;
  parallel_for(0, 8, [&](size_t) { ++calls; });
  EXPECT_EQ(calls, 0);
}

TEST(ParallelFor, RethrowsAnException) {
  EXPECT_THROW(parallel_for(100, 4,
                            [](size_t i) {
                              if (i == 17) throw std::runtime_error("bad item");
                            }),
               std::runtime_error);
}

TEST(ParallelFor, CountsProgress) {
  Progress progress("parse", 50, false);  // never drawn: not enabled
  std::atomic<int> calls{0};
  parallel_for(
      50, 3, [&](size_t) { ++calls; }, &progress);
  EXPECT_EQ(calls.load(), 50);
}

TEST(ResolveJobs, ExplicitOrAllCores) {
  EXPECT_EQ(resolve_jobs(3), 3);
  EXPECT_GE(resolve_jobs(0), 1);
}

}  // namespace
}  // namespace dossier
