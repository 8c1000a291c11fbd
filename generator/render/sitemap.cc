// The sitemap (sitemaps.org protocol).
#include "render/sitemap.h"

#include <algorithm>

#include "base/text.h"

namespace dossier {

std::string sitemap_xml(const SiteSettings& settings, std::vector<std::string> pages) {
  std::sort(pages.begin(), pages.end());
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& p : pages) {
    out += "  <url><loc>";
    html_escape_append(out, settings.base_url + p);
    out += "</loc></url>\n";
  }
  out += "</urlset>\n";
  return out;
}

}  // namespace dossier
