// Resolving a body's markers for a page.
#include "render/body_html.h"

#include "base/site_paths.h"
#include "base/text.h"
#include "model/body_markers.h"

namespace dossier {

BodyParts body_parts(const Body& body, std::string_view page) {
  BodyParts out;
  out.html.reserve(body.html.size() + 1024);
  std::vector<std::pair<size_t, int>> boxes;  // offset in out.html, anchor
  fill_body_markers(body.html, out.html, [&](char kind, size_t index, std::string& to) {
    if (kind == 'L' && index < body.link_targets.size()) {
      html_escape_append(to, relative_url(page, body.link_targets[index]));
    } else if (kind == 'B') {
      boxes.emplace_back(to.size(), static_cast<int>(index));
    }
  });
  size_t from = 0;
  for (const auto& [at, anchor] : boxes) {
    out.parts.push_back({from, at, anchor});
    from = at;
  }
  out.parts.push_back({from, out.html.size(), -1});
  return out;
}

std::string body_html(const Body& body, std::string_view page) {
  return std::move(body_parts(body, page).html);
}

}  // namespace dossier
