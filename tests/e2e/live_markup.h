// What no page of a site may hold, whatever its input (SPEC §2.3, README
// "Hostile input"): elements that run or load something, event handlers,
// script URLs and anything loaded from another host. The theme's own search
// form and scripts are let through only as the theme writes them. Used by
// the hostile-input and the mutated-input tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "e2e/harness.h"

namespace dossier::e2e {

// Whether a URL would make the browser fetch from another host.
bool is_remote(std::string_view url);

// Everything `page` may not contain, as messages; empty when it is clean.
std::vector<std::string> live_markup(const SitePage& page);

}  // namespace dossier::e2e
