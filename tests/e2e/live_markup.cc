// What no page of a site may hold, whatever its input: see live_markup.h.
#include "e2e/live_markup.h"

#include <algorithm>
#include <cctype>

namespace dossier::e2e {

namespace {

using Page = HtmlPage;

// A URL as a browser reads it: ASCII tab/newline removed anywhere, leading
// and trailing C0 controls and spaces dropped, lower case.
std::string browser_url(std::string_view url) {
  std::string out;
  for (char c : url)
    if (c != '\t' && c != '\n' && c != '\r')
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto is_trim = [](unsigned char c) { return c <= 0x20; };
  while (!out.empty() && is_trim(static_cast<unsigned char>(out.front()))) out.erase(0, 1);
  while (!out.empty() && is_trim(static_cast<unsigned char>(out.back()))) out.pop_back();
  return out;
}

bool is_script_url(std::string_view url) {
  std::string u = browser_url(url);
  if (u.starts_with("javascript:") || u.starts_with("vbscript:") || u.starts_with("file:"))
    return true;
  if (!u.starts_with("data:")) return false;
  for (std::string_view safe :
       {"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"})
    if (u.starts_with(safe)) return false;
  return true;  // data:text/html, data:image/svg+xml, ...
}

bool has_class(const GumboNode* e, std::string_view cls) {
  std::string classes = " " + Page::attr(e, "class").value_or("") + " ";
  return classes.find(" " + std::string(cls) + " ") != std::string::npos;
}

// The theme's own forms and scripts, which no content can add: the search
// box in the header of every page, and on the search page its form and
// the two theme scripts (loaded from theme/, nothing inline).
bool theme_search_markup(const SitePage& page, const GumboNode* e) {
  std::string tag = Page::tag(e);
  const GumboNode* form = Page::closest(e, "form");
  if (form && has_class(form, "site-search") && Page::closest(form, "header") &&
      (tag == "form" || tag == "input" || tag == "button"))
    return true;
  if (page.path != "search/index.html") return false;
  if (form && Page::attr(form, "id") == "search-form" &&
      (tag == "form" || tag == "input" || tag == "button"))
    return true;
  if (tag == "noscript") return Page::text(e) == "搜索需要浏览器启用 JavaScript。";
  if (tag == "script") {
    std::string src = Page::attr(e, "src").value_or("");
    return Page::text(e).empty() &&
           (src == "../theme/search-index.js" || src == "static/meta.js" ||
            src == "../theme/search-engine.js" || src == "../theme/search-api.js" ||
            src == "../theme/search-page.js");
  }
  return false;
}

}  // namespace

bool is_remote(std::string_view url) {
  std::string u = browser_url(url);
  return u.starts_with("http:") || u.starts_with("https:") || u.starts_with("//") ||
         u.starts_with("\\\\") || u.starts_with("ftp:");
}

std::vector<std::string> live_markup(const SitePage& page) {
  static const std::vector<std::string> kForbidden = {
      "script", "style", "iframe", "frame",  "frameset", "object",   "embed",
      "applet", "base",  "form",   "input",  "button",   "textarea", "svg",
      "math",   "video", "audio",  "source", "track",    "portal",   "noscript"};
  std::vector<std::string> out;
  for (const GumboNode* e : page.html->elements()) {
    std::string tag = Page::tag(e);
    std::string where = page.path + ": <" + tag + ">";
    if (std::find(kForbidden.begin(), kForbidden.end(), tag) != kForbidden.end() &&
        !theme_search_markup(page, e))
      out.push_back(where + " element");
    if (tag == "meta" && Page::attr(e, "http-equiv")) out.push_back(where + " http-equiv");
    const GumboVector& attrs = e->v.element.attributes;
    for (unsigned i = 0; i < attrs.length; ++i) {
      const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
      std::string name = a->name, value = a->value;
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (name.starts_with("on")) out.push_back(where + " event handler " + name);
      if (name == "style" || name == "srcdoc" || name == "formaction" || name == "srcset")
        out.push_back(where + " attribute " + name);
      bool url_attr = name == "href" || name == "src" || name == "action" || name == "data" ||
                      name == "poster" || name == "background" || name == "xlink:href" ||
                      name == "cite" || name == "ping";
      if (url_attr && is_script_url(value))
        out.push_back(where + " " + name + "=\"" + value + "\"");
      // Anything but a followed <a> link must stay inside the site.
      bool loads = name != "href" || tag != "a";
      if (url_attr && loads && is_remote(value))
        out.push_back(where + " loads " + name + "=\"" + value + "\"");
    }
  }
  return out;
}

}  // namespace dossier::e2e
