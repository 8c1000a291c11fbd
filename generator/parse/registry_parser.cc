// Regulation, unit and topic registry files; site.yaml.
#include "parse/registry_parser.h"

#include "base/site_paths.h"
#include "parse/front_matter.h"

namespace dossier {

namespace {

void check_slug(const SourceText& src, const std::string& slug, Diagnostics& diags) {
  if (!is_valid_slug(slug))
    src.error(diags, {1, 1}, "id",
              "file name '" + slug +
                  "' is not a valid slug: use lower-case ASCII letters, digits and '-' "
                  "(for example '" +
                  slugify(slug) + "')");
}

// Parses the front matter and runs `read` over its fields; returns where the body starts.
template <typename Read>
BodyStart parse_registry_file(const SourceText& src, std::string_view what, Diagnostics& diags,
                              Read&& read) {
  FrontMatter fm = parse_front_matter(src, true, diags);
  if (fm.ok) {
    FieldReader fields(src, fm, fm.root, diags);
    read(fields);
    fields.finish(what);
  }
  return {fm.body_offset, fm.body_line};
}

// An absolute http(s) URL with nothing that would need escaping in an href.
bool is_web_url(std::string_view url) {
  if (!url.starts_with("https://") && !url.starts_with("http://")) return false;
  for (unsigned char c : url)
    if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`' || c == 0x7F)
      return false;
  return url.size() > 8;
}

}  // namespace

Regulation parse_regulation(std::shared_ptr<const SourceText> src, std::string slug,
                            Diagnostics& diags) {
  Regulation r;
  r.slug = std::move(slug);
  r.source = src;
  check_slug(*src, r.slug, diags);
  r.body_start = parse_registry_file(*src, "regulation", diags, [&](FieldReader& f) {
    if (auto title = f.scalar("title", true)) {
      r.title = title->name;
      r.title_loc = title->loc;
    }
    r.aliases = f.names("aliases", false);
    r.issuer = f.text("issuer", false).value_or("");
    r.issued = f.date("issued", false);
    r.number = f.text("number", false).value_or("");
    if (auto status = f.scalar("status", false)) {
      if (status->name == "in-force" || status->name == "amended" || status->name == "repealed") {
        r.status = status->name;
      } else {
        src->error(diags, status->loc, "status",
                   "unknown status '" + status->name + "': use in-force, amended or repealed");
      }
    }
    if (auto next = f.scalar("superseded_by", false)) r.superseded_by = *next;
    if (auto url = f.scalar("url", false)) {
      if (is_web_url(url->name)) {
        r.url = url->name;
      } else {
        src->error(diags, url->loc, "url",
                   "'url' must be a web address (https://… or http://…, no spaces or quotes)");
      }
    }
  });
  return r;
}

Unit parse_unit(std::shared_ptr<const SourceText> src, std::string slug, Diagnostics& diags) {
  Unit u;
  u.slug = std::move(slug);
  u.source = src;
  check_slug(*src, u.slug, diags);
  u.body_start = parse_registry_file(*src, "unit", diags, [&](FieldReader& f) {
    if (auto title = f.scalar("title", true)) {
      u.title = title->name;
      u.title_loc = title->loc;
    }
    u.aliases = f.names("aliases", false);
    if (auto parent = f.scalar("parent", false)) u.parent = *parent;
  });
  return u;
}

Topic parse_topic(std::shared_ptr<const SourceText> src, std::string slug, Diagnostics& diags) {
  Topic t;
  t.slug = std::move(slug);
  t.source = src;
  check_slug(*src, t.slug, diags);
  t.body_start = parse_registry_file(*src, "topic", diags, [&](FieldReader& f) {
    if (auto title = f.scalar("title", true)) {
      t.title = title->name;
      t.title_loc = title->loc;
    }
    t.aliases = f.names("aliases", false);
  });
  return t;
}

SiteSettings parse_site_settings(const SourceText& src, Diagnostics& diags) {
  SiteSettings s;
  FrontMatter fm = parse_yaml_file(src, diags);
  if (!fm.ok) return s;
  FieldReader f(src, fm, fm.root, diags);
  if (auto title = f.text("title", false)) s.title = *title;
  if (auto language = f.text("language", false)) s.language = *language;
  s.description = f.text("description", false).value_or("");
  s.as_of = f.date("as_of", false);
  s.replaceable_search_index = f.flag("replaceable_search_index", false).value_or(false);
  if (auto base = f.scalar("base_url", false)) {
    if (is_web_url(base->name)) {
      s.base_url = base->name;
      if (!s.base_url.ends_with('/')) s.base_url += '/';
    } else {
      src.error(diags, base->loc, "url",
                "'base_url' must be a web address (https://… or http://…, no spaces or quotes)");
    }
  }
  f.finish("site.yaml");
  return s;
}

}  // namespace dossier
