// Filling a body's markers.
#include "render/body_html.h"

#include "base/site_paths.h"
#include "base/text.h"
#include "model/body_markers.h"

namespace dossier {

std::string body_html(const Body& body, std::string_view page,
                      const std::function<std::string(size_t anchor)>& item_box) {
  std::string out;
  out.reserve(body.html.size() + 2048);
  fill_body_markers(body.html, out, [&](char kind, size_t index, std::string& to) {
    if (kind == 'L' && index < body.link_targets.size()) {
      html_escape_append(to, relative_url(page, body.link_targets[index]));
    } else if (kind == 'B' && item_box) {
      to += item_box(index);
    }
  });
  return out;
}

}  // namespace dossier
