// The markers in Body::html: parse/body_parser writes them where a value is
// known only after linking; render/body_html fills them in. A marker is
// \x01, a letter, a decimal index and \x02:
//   \x01L<n>\x02  the href (or img src) of Body::links[n]
//   \x01B<n>\x02  the box of the item anchored by Body::anchors[n]
// Content cannot forge one: the load stage rejects control characters.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dossier {

inline constexpr char kMarkerStart = '\x01';
inline constexpr char kMarkerEnd = '\x02';

inline std::string body_marker(char kind, size_t index) {
  return std::string(1, kMarkerStart) + kind + std::to_string(index) + kMarkerEnd;
}

// Appends `html` to `out` with every marker replaced: `fill(kind, index, out)`
// appends the marker's value.
template <typename Fill>
void fill_body_markers(std::string_view html, std::string& out, Fill&& fill) {
  size_t at = 0;
  for (size_t start; (start = html.find(kMarkerStart, at)) != std::string_view::npos;) {
    size_t end = html.find(kMarkerEnd, start);
    if (end == std::string_view::npos) break;
    out.append(html, at, start - at);
    size_t index = 0;
    for (size_t i = start + 2; i < end; ++i)
      index = index * 10 + static_cast<size_t>(html[i] - '0');
    fill(html[start + 1], index, out);
    at = end + 1;
  }
  out.append(html, at);
}

}  // namespace dossier
