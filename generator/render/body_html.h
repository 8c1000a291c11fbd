// Body HTML: a report's (or registry entry's) Markdown rendered for its page.
// The cmark tree is rewritten before rendering: `{#ID}` headings open an
// item section with its status and links, scheme links and assets get
// relative URLs, `《…》` citations link to their regulation, outside images
// become plain links. Rendering uses cmark's safe mode, so no raw HTML,
// event handler or javascript: URL from the input reaches the page.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "link/resolver.h"
#include "model/archive.h"

namespace dossier {

// HTML shown right after an anchored item's heading (status, links).
using ItemBoxRenderer = std::function<std::string(const Item&)>;

// `report` is the report's index (or -1 for a registry entry's body, whose
// links resolve from the content folder); `page` is the site path of the
// page the HTML goes in.
std::string render_body_html(const Archive& archive, const Resolver& resolve, int report,
                             std::string_view markdown, std::string_view page,
                             const ItemBoxRenderer& item_box);

}  // namespace dossier
