// Name, item and link-destination resolution.
#include "link/resolver.h"

#include <vector>

#include "base/site_paths.h"

namespace dossier {

namespace {

std::string percent_decode(std::string_view s) {
  std::string out;
  auto hex = [](char c) {
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Joins a content-relative folder and a relative path; nullopt when ".."
// climbs above the content folder.
std::optional<std::string> join_inside(std::string_view dir, std::string_view rel) {
  std::vector<std::string> parts;
  auto push = [&](std::string_view path) {
    size_t start = 0;
    while (start <= path.size()) {
      size_t slash = path.find('/', start);
      std::string_view part = path.substr(
          start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
      if (part == "..") {
        if (parts.empty()) return false;
        parts.pop_back();
      } else if (!part.empty() && part != ".") {
        parts.emplace_back(part);
      }
      if (slash == std::string_view::npos) break;
      start = slash + 1;
    }
    return true;
  };
  if (!push(dir) || !push(rel)) return std::nullopt;
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

LinkTarget error(std::string code, std::string message) {
  return {LinkTarget::Kind::kError, {}, std::move(message), std::move(code), -1};
}

LinkTarget site(std::string path) {
  return {LinkTarget::Kind::kSite, std::move(path), {}, {}, -1};
}

}  // namespace

Resolver::Resolver(const Archive& archive) : archive_(archive) {
  add_entry_names(regulations_, archive.regulations);
  add_entry_names(units_, archive.units);
  add_entry_names(topics_, archive.topics);
  std::string prefix = archive.content_dir + "/";
  for (size_t i = 0; i < archive.reports.size(); ++i) {
    const auto& r = archive.reports[i];
    reports_.emplace(r.id, static_cast<int>(i));
    const std::string& path = r.source->path();
    if (path.starts_with(prefix))
      report_files_.emplace(path.substr(prefix.size()), static_cast<int>(i));
  }
  for (const auto& a : archive.assets) assets_.emplace(a.source_path, a.output_path);
}

int Resolver::report(std::string_view id) const {
  auto it = reports_.find(id);
  return it == reports_.end() ? -1 : it->second;
}

std::optional<ItemKey> Resolver::item(int from, std::string_view ref, ItemKind kind,
                                      std::string* error) const {
  std::string_view kind_word = kind_name(kind);
  int report_index = from;
  std::string_view id = ref;
  if (size_t hash = ref.find('#'); hash != std::string_view::npos) {
    report_index = report(ref.substr(0, hash));
    id = ref.substr(hash + 1);
    if (report_index < 0) {
      *error =
          "unknown report '" + std::string(ref.substr(0, hash)) + "' in '" + std::string(ref) + "'";
      return std::nullopt;
    }
  } else if (from < 0) {  // a registry body: no report to look in
    *error = "'" + std::string(ref) + "' names no report: write " + std::string(kind_word) +
             ":<report-id>#" + std::string(ref) + " outside a report";
    return std::nullopt;
  }
  const Report& r = archive_.reports[static_cast<size_t>(report_index)];
  for (ItemKind k : {ItemKind::kIssue, ItemKind::kMeasure}) {
    const auto& items = r.items(k);
    for (size_t i = 0; i < items.size(); ++i) {
      if (items[i].id != id) continue;
      if (k != kind) {
        *error = "'" + std::string(ref) + "' is " +
                 (k == ItemKind::kIssue ? "an issue" : "a measure") + ", not " +
                 (kind == ItemKind::kIssue ? "an issue" : "a measure");
        return std::nullopt;
      }
      return ItemKey{report_index, k, static_cast<int>(i)};
    }
  }
  *error = report_index == from ? "unknown " + std::string(kind_word) + " '" + std::string(id) + "'"
                                : "report '" + r.id + "' has no " + std::string(kind_word) + " '" +
                                      std::string(id) + "'";
  return std::nullopt;
}

LinkTarget Resolver::scheme_link(int from, std::string_view scheme, std::string_view rest) const {
  std::string name = percent_decode(rest);
  if (scheme == "report") {
    if (report(name) < 0) return error("ref", "unknown report '" + name + "'");
    return site(site_path::report(name));
  }
  if (scheme == "issue" || scheme == "measure") {
    std::string why;
    auto key = item(from, name, scheme == "issue" ? ItemKind::kIssue : ItemKind::kMeasure, &why);
    if (!key) return error("ref", why);
    const Report& r = archive_.reports[static_cast<size_t>(key->report)];
    return site(site_path::report(r.id) + "#" + archive_.item(*key).id);
  }
  if (scheme == "reg") {
    int i = regulation(name);
    if (i < 0) return error("ref", "unknown regulation '" + name + "'");
    LinkTarget t = site(site_path::regulation(archive_.regulations[static_cast<size_t>(i)].slug));
    t.regulation = i;
    return t;
  }
  if (scheme == "unit") {
    int i = unit(name);
    if (i < 0) return error("ref", "unknown unit '" + name + "'");
    return site(site_path::unit(archive_.units[static_cast<size_t>(i)].slug));
  }
  int i = topic(name);
  if (i < 0) return error("ref", "unknown topic '" + name + "'");
  return site(site_path::topic(archive_.topics[static_cast<size_t>(i)].slug));
}

// The folder, relative to the content folder, of the file whose body holds
// a link (its display path, "content/units/a.md"); "" for the content folder.
std::string Resolver::folder_of(std::string_view source) const {
  std::string prefix = archive_.content_dir + "/";
  if (!source.starts_with(prefix)) return {};
  source.remove_prefix(prefix.size());
  size_t slash = source.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(source.substr(0, slash));
}

LinkTarget Resolver::file_link(std::string_view source, std::string_view url) const {
  std::string_view fragment;
  if (size_t hash = url.find('#'); hash != std::string_view::npos) {
    fragment = url.substr(hash);
    url = url.substr(0, hash);
  }
  if (size_t query = url.find('?'); query != std::string_view::npos) url = url.substr(0, query);
  std::string path = percent_decode(url);
  std::string dir;
  if (path.starts_with('/')) {
    path.erase(0, 1);  // "/assets/a.pdf": from the content folder
  } else {
    dir = folder_of(source);
  }
  auto joined = join_inside(dir, path);
  if (!joined)
    return error("path", "link '" + std::string(url) + "' leads outside the content folder");
  if (auto it = report_files_.find(*joined); it != report_files_.end())
    return site(site_path::report(archive_.reports[static_cast<size_t>(it->second)].id) +
                std::string(fragment));
  if (auto it = assets_.find(*joined); it != assets_.end())
    return site(it->second + std::string(fragment));
  return error("ref", "link target not found: '" + *joined +
                          "' (attachments belong in the content folder's assets/)");
}

LinkTarget Resolver::body_link(int from, std::string_view source, std::string_view url) const {
  if (!is_archive_link(url)) return {LinkTarget::Kind::kExternal, std::string(url), {}, {}, -1};
  std::string_view scheme = url_scheme(url);
  if (!scheme.empty()) return scheme_link(from, scheme, url.substr(scheme.size() + 1));
  return file_link(source, url);
}

}  // namespace dossier
