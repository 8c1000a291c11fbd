// sitemap.xml: every page of the site. Locations are absolute when site.yaml
// gives base_url, else relative to the site root.
#pragma once

#include <string>
#include <vector>

#include "model/archive.h"

namespace dossier {

std::string sitemap_xml(const SiteSettings& settings, std::vector<std::string> pages);

}  // namespace dossier
