// Tests for render/sitemap: sorted, escaped, relative or absolute locations.
#include "render/sitemap.h"

#include <gtest/gtest.h>

namespace dossier {
namespace {

TEST(SitemapXml, RelativeLocationsSorted) {
  SiteSettings s;
  EXPECT_EQ(sitemap_xml(s, {"reports/index.html", "index.html", "reports/a/index.html"}),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            "  <url><loc>index.html</loc></url>\n"
            "  <url><loc>reports/a/index.html</loc></url>\n"
            "  <url><loc>reports/index.html</loc></url>\n"
            "</urlset>\n");
}

TEST(SitemapXml, AbsoluteWithBaseUrlAndEscaped) {
  SiteSettings s;
  s.base_url = "https://intranet.example/dossier?a=1&b=2/";
  EXPECT_EQ(sitemap_xml(s, {"index.html"}),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            "  <url><loc>https://intranet.example/dossier?a=1&amp;b=2/index.html</loc></url>\n"
            "</urlset>\n");
}

TEST(SitemapXml, Empty) {
  EXPECT_EQ(sitemap_xml(SiteSettings{}, {}),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            "</urlset>\n");
}

}  // namespace
}  // namespace dossier
