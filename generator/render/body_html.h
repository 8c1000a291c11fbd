// Body HTML for a page: the HTML the parse stage rendered (Body::html), with
// its markers filled in: each archive link's href relative to the page, and
// each anchored item's box (status and links both ways).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "model/archive.h"

namespace dossier {

// `item_box(anchor)` renders the box of the item anchored by
// body.anchors[anchor]; `page` is the site path of the page.
std::string body_html(const Body& body, std::string_view page,
                      const std::function<std::string(size_t anchor)>& item_box);

}  // namespace dossier
