// Range requests fitted to what is sent, and dropped when If-Range names
// another file: cpp-httplib 0.11 (Debian 12) sends the ranges as asked, so
// a range past the end got a Content-Length of nearly 2^64 and no body, and
// one running past it a Content-Length longer than the bytes that followed.
#pragma once

#include <cstddef>
#include <string>

#include <httplib.h>

namespace dossier {

enum class RangeFit {
  kWhole,          // no ranges (or too many to be worth it): 200, all bytes
  kPartial,        // the satisfiable ranges, clamped to the end: 206
  kUnsatisfiable,  // none overlaps the `size` bytes: 416
};

// Fits `ranges` (as the library parsed the Range header: -1 for a missing
// bound) to a body of `size` bytes, in place: ranges that start past the end
// are dropped, ones that run past it end there; for kWhole they are cleared.
RangeFit fit_ranges(httplib::Ranges& ranges, size_t size);

// Whether a request's ranges still apply (RFC 9110, 13.1.5): with no
// If-Range header, or one that names the representation sent, by its exact
// (strong) `etag` or its exact `last_modified` date. Otherwise the client
// holds part of an older file and gets the whole new one, not a piece of it
// to join to the old.
bool if_range_holds(const std::string& if_range, const std::string& etag,
                    const std::string& last_modified);

}  // namespace dossier
