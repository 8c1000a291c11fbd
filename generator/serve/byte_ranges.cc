// Fitting a request's byte ranges to the body sent (RFC 9110, 14.1.2), and
// whether they still apply (If-Range, 13.1.5).
#include "serve/byte_ranges.h"

#include <sys/types.h>
#include <algorithm>

namespace dossier {

namespace {

// More ranges than this in one request are ignored (the whole body is
// sent): a reader asks for one or a few, and many overlapping ones would
// make a small request a large answer.
constexpr size_t kMaxRanges = 16;

}  // namespace

RangeFit fit_ranges(httplib::Ranges& ranges, size_t size) {
  if (ranges.empty() || ranges.size() > kMaxRanges) {
    ranges.clear();
    return RangeFit::kWhole;
  }
  auto n = static_cast<ssize_t>(size);
  httplib::Ranges fitted;
  for (auto [first, last] : ranges) {
    if (first < 0) {  // "-N": the last N bytes
      if (last > 0 && n > 0) fitted.emplace_back(std::max<ssize_t>(0, n - last), n - 1);
    } else if (first < n && (last < 0 || last >= first)) {
      fitted.emplace_back(first, last < 0 ? n - 1 : std::min(last, n - 1));
    }
  }
  if (fitted.empty()) return RangeFit::kUnsatisfiable;
  ranges = std::move(fitted);
  return RangeFit::kPartial;
}

bool if_range_holds(const std::string& if_range, const std::string& etag,
                    const std::string& last_modified) {
  if (if_range.empty()) return true;
  if (if_range.front() == '"') return if_range == etag;  // weak tags (W/"…") never match
  return !last_modified.empty() && if_range == last_modified;
}

}  // namespace dossier
