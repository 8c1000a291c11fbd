// Body HTML for a page: the HTML the parse stage rendered (Body::html) with
// its markers resolved: each archive link's href relative to the page, and
// the places where anchored items' boxes go (the page template renders the
// boxes, status and links both ways).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/archive.h"

namespace dossier {

struct BodyParts {
  struct Part {
    size_t begin, end;  // a piece of `html`
    int anchor;         // then the box of the item anchored by Body::anchors[anchor], or -1
  };
  std::string html;  // with hrefs filled in, without the box markers
  std::vector<Part> parts;

  std::string_view text(const Part& p) const {
    return std::string_view(html).substr(p.begin, p.end - p.begin);
  }
};

// `page` is the site path of the page the body goes on.
BodyParts body_parts(const Body& body, std::string_view page);

// A body without item boxes (a registry entry's description).
std::string body_html(const Body& body, std::string_view page);

}  // namespace dossier
