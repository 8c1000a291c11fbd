// Cutting a sequence of items into files where the items say, and naming
// the files by their first item, so that an item added or grown changes
// its own file and seldom another: a publish then copies few files
// (docs/publish.md). The browser index's list packs and the server's text
// pieces are cut so.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dossier {

class ContentCuts {
 public:
  // Files meant to hold about `target` (bytes, characters) of items whose
  // mean size is `mean_item`.
  ContentCuts(size_t target, double mean_item);

  // Whether a file of `size` ends after an item whose hash is `hash`: once
  // it holds half the target, after about one item in `every` (a quarter
  // target's worth; a power of two from the items' mean size, so that it
  // changes only when that doubles or halves).
  bool after(uint32_t hash, size_t size) const {
    return size >= target_ / 2 && hash % every_ == every_ - 1;
  }
  // Whether a file of `size` ends before an item of `length`, which would
  // take it past 5/4 of the target. (Files cut at a size instead move every
  // cut after an item that grows; cuts by hash alone make files of all
  // sizes.)
  bool before(size_t size, size_t length) const { return size + length > target_ * 5 / 4; }

 private:
  size_t target_;
  uint32_t every_ = 1;
};

// A name for each file from the hash of its first item: below 2^16 (or
// four times the files, so names are never crowded), the next free one
// when taken. A file keeps its name while the sequence grows.
std::vector<size_t> names_by_first_item(const std::vector<uint32_t>& first_hashes);

}  // namespace dossier
