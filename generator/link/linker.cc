// The link stage, step by step: registries, reports, items, bodies, backlinks.
#include "link/linker.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/parallel.h"
#include "base/site_paths.h"
#include "base/text.h"
#include "link/resolver.h"
#include "link/status.h"

namespace dossier {

namespace {

template <typename T>
void sort_unique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

void drop_duplicate_reports(Archive& a, Diagnostics& diags) {
  std::stable_sort(a.reports.begin(), a.reports.end(), [](const Report& x, const Report& y) {
    return std::tie(x.id, x.source->path()) < std::tie(y.id, y.source->path());
  });
  std::vector<Report> kept;
  for (auto& r : a.reports) {
    if (!kept.empty() && kept.back().id == r.id) {
      r.source->error(diags, {1, 1}, "duplicate-id",
                      "duplicate report id '" + r.id + "': " + kept.back().source->path() +
                          " has the same file name");
      continue;
    }
    kept.push_back(std::move(r));
  }
  a.reports = std::move(kept);
}

// Reports names shared by two registry entries (a title or alias used twice).
template <typename Entry>
void check_names(const std::vector<Entry>& entries, std::string_view what, Diagnostics& diags) {
  NameIndex index;
  add_entry_names(index, entries, [&](std::string_view name, Loc loc, size_t i, size_t other) {
    if (const auto& source = entries[i].source)
      source->error(diags, loc, "duplicate-name",
                    "'" + std::string(name) + "' already names " + std::string(what) + " '" +
                        entries[other].slug + "'");
  });
}

// A slug for a name no registry file declares; made unique with a hash.
std::string free_slug(std::string_view name, const std::set<std::string>& taken) {
  std::string slug = slugify(name);
  if (!taken.contains(slug)) return slug;
  char suffix[16];
  std::snprintf(suffix, sizeof suffix, "-%08x", fnv1a(name));
  return slug + suffix;
}

// Units and topics named by reports but absent from the registry get an
// entry (and a page) all the same; an unknown unit is a warning.
template <typename Entry, typename Names>
void add_unregistered(std::vector<Entry>& entries, const std::vector<Report>& reports,
                      Names names_of, Diagnostics* warn_unknown) {
  NameIndex index;
  add_entry_names(index, entries);
  std::set<std::string> slugs;
  for (const auto& e : entries) slugs.insert(e.slug);
  for (const auto& r : reports) {
    for (const NameRef& ref : names_of(r)) {
      if (index.find(ref.name) >= 0) continue;
      if (warn_unknown)
        r.source->warning(
            *warn_unknown, ref.loc, "unknown-unit",
            "unknown unit '" + ref.name + "' (not in units/): it gets a page all the same");
      Entry e;
      e.slug = free_slug(ref.name, slugs);
      e.title = ref.name;
      e.registered = false;
      slugs.insert(e.slug);
      index.add(ref.name, static_cast<int>(entries.size()));
      entries.push_back(std::move(e));
    }
  }
  std::sort(entries.begin(), entries.end(),
            [](const Entry& x, const Entry& y) { return x.slug < y.slug; });
}

void link_units(Archive& a, const Resolver& resolve, Diagnostics& diags) {
  for (size_t i = 0; i < a.units.size(); ++i) {
    Unit& u = a.units[i];
    if (u.parent.name.empty()) continue;
    u.parent_id = resolve.unit(u.parent.name);
    if (u.parent_id < 0) {
      u.source->error(diags, u.parent.loc, "ref", "unknown parent unit '" + u.parent.name + "'");
    } else if (u.parent_id == static_cast<int>(i)) {
      u.source->error(diags, u.parent.loc, "ref", "a unit cannot be its own parent");
      u.parent_id = -1;
    }
  }
  // Break cycles: walk up from each unit; one that comes back to itself is on
  // a cycle (a unit whose chain only runs into a cycle never comes back).
  // Breaking it at its first unit lets the cycle's other units end at -1.
  for (size_t i = 0; i < a.units.size(); ++i) {
    int self = static_cast<int>(i), steps = 0, at = a.units[i].parent_id;
    while (at >= 0 && at != self && steps < static_cast<int>(a.units.size())) {
      at = a.units[static_cast<size_t>(at)].parent_id;
      ++steps;
    }
    if (at == self) {
      Unit& u = a.units[i];
      u.source->error(diags, u.parent.loc, "ref",
                      "unit '" + u.slug + "' is its own ancestor through 'parent'");
      u.parent_id = -1;
    }
  }
  for (size_t i = 0; i < a.units.size(); ++i)
    if (a.units[i].parent_id >= 0)
      a.units[static_cast<size_t>(a.units[i].parent_id)].children.push_back(static_cast<int>(i));
}

void link_regulations(Archive& a, const Resolver& resolve, Diagnostics& diags) {
  for (auto& reg : a.regulations) {
    if (reg.superseded_by.name.empty()) continue;
    reg.superseded_by_id = resolve.regulation(reg.superseded_by.name);
    if (reg.superseded_by_id < 0)
      reg.source->error(diags, reg.superseded_by.loc, "ref",
                        "unknown regulation '" + reg.superseded_by.name + "' in 'superseded_by'");
  }
}

std::vector<int> regulation_refs(const Report& r, const std::vector<NameRef>& names,
                                 const Resolver& resolve, Diagnostics& diags) {
  std::vector<int> ids;
  for (const auto& ref : names) {
    int i = resolve.regulation(ref.name);
    if (i >= 0) {
      ids.push_back(i);
    } else {
      r.source->warning(diags, ref.loc, "unknown-regulation",
                        "unknown regulation '" + ref.name + "' (not in regulations/)");
    }
  }
  return ids;
}

// Issue <-> measure links, declared on either side, become one link.
void link_items(Archive& a, int ri, const Resolver& resolve, Diagnostics& diags) {
  Report& r = a.reports[static_cast<size_t>(ri)];
  for (ItemKind kind : {ItemKind::kIssue, ItemKind::kMeasure}) {
    ItemKind other = kind == ItemKind::kIssue ? ItemKind::kMeasure : ItemKind::kIssue;
    auto& items = r.items(kind);
    for (size_t i = 0; i < items.size(); ++i) {
      for (const auto& ref : items[i].links) {
        std::string why;
        auto target = resolve.item(ri, ref.name, other, &why);
        if (!target) {
          r.source->error(diags, ref.loc, "ref", why);
          continue;
        }
        ItemKey self{ri, kind, static_cast<int>(i)};
        a.item(self).counterparts.push_back(*target);
        a.item(*target).counterparts.push_back(self);
      }
    }
  }
}

Item* anchored_item(Report& r, int anchor) {
  if (anchor < 0) return nullptr;
  for (ItemKind kind : {ItemKind::kIssue, ItemKind::kMeasure})
    for (auto& item : r.items(kind))
      if (item.anchor == anchor) return &item;
  return nullptr;
}

// A regulation cited by a `reg:` link, and the anchor of the section it stands in.
struct LinkCitation {
  int regulation;
  int anchor;
};

// Resolves a body's archive links into site paths; returns the regulations
// its `reg:` links cite.
std::vector<LinkCitation> link_body_links(Body& body, int report, const SourceText& source,
                                          const Resolver& resolve, Diagnostics& diags) {
  std::vector<LinkCitation> cited;
  body.link_targets.assign(body.links.size(), {});
  for (size_t i = 0; i < body.links.size(); ++i) {
    const BodyLink& link = body.links[i];
    if (!link.archive) {
      if (link.image && !is_data_url(link.url)) {
        source.warning(diags, link.loc, "image",
                       "image from outside the archive is shown as a link: put it in assets/");
      } else if (link.image && !is_safe_data_image(link.url)) {
        source.warning(diags, link.loc, "image",
                       "embedded image of this type is not shown (PNG, GIF, JPEG and WebP are)");
      }
      continue;
    }
    LinkTarget t = resolve.body_link(report, source.path(), link.url);
    if (t.kind == LinkTarget::Kind::kError) {
      source.error(diags, link.loc, t.code, t.error);
      continue;
    }
    body.link_targets[i] = t.path;
    if (t.regulation >= 0) cited.push_back({t.regulation, link.anchor});
  }
  return cited;
}

void link_body(Archive& a, int ri, const Resolver& resolve, Diagnostics& diags) {
  Report& r = a.reports[static_cast<size_t>(ri)];
  auto cite = [&](int reg, int anchor) {
    r.regulation_ids.push_back(reg);
    if (Item* item = anchored_item(r, anchor)) item->regulation_ids.push_back(reg);
  };
  for (const LinkCitation& c : link_body_links(r.body, ri, *r.source, resolve, diags))
    cite(c.regulation, c.anchor);
  for (const auto& c : r.body.citations) {
    int reg = resolve.regulation(c.title);
    if (reg < 0) {
      r.source->note(diags, c.loc, "citation", "unregistered citation 《" + c.title + "》");
      continue;
    }
    cite(reg, c.anchor);
  }
}

// Registry descriptions may link into the archive too (bare item ids aside).
template <typename Entry>
void link_registry_bodies(std::vector<Entry>& entries, const Resolver& resolve,
                          Diagnostics& diags) {
  for (auto& e : entries)
    if (e.source) link_body_links(e.body, -1, *e.source, resolve, diags);
}

// What a report refers to by name, and its body: it writes only to the
// report itself, so reports can be linked in parallel.
void link_report_names(Archive& a, int ri, const Resolver& resolve, Diagnostics& diags) {
  Report& r = a.reports[static_cast<size_t>(ri)];
  for (const auto& u : r.units) r.unit_ids.push_back(resolve.unit(u.name));
  for (const auto& t : r.topics) r.topic_ids.push_back(resolve.topic(t.name));
  r.regulation_ids = regulation_refs(r, r.regulations, resolve, diags);
  for (auto& issue : r.issues) {
    issue.regulation_ids = regulation_refs(r, issue.regulations, resolve, diags);
    r.regulation_ids.insert(r.regulation_ids.end(), issue.regulation_ids.begin(),
                            issue.regulation_ids.end());
  }
  link_body(a, ri, resolve, diags);
  sort_unique(r.unit_ids);
  sort_unique(r.topic_ids);
  sort_unique(r.regulation_ids);
}

void fill_backlinks(Archive& a) {
  for (size_t ri = 0; ri < a.reports.size(); ++ri) {
    Report& r = a.reports[ri];
    int report = static_cast<int>(ri);
    for (int u : r.unit_ids) a.units[static_cast<size_t>(u)].reports.push_back(report);
    for (int t : r.topic_ids) a.topics[static_cast<size_t>(t)].reports.push_back(report);
    for (int g : r.regulation_ids) a.regulations[static_cast<size_t>(g)].reports.push_back(report);
    for (ItemKind kind : {ItemKind::kIssue, ItemKind::kMeasure}) {
      auto& items = r.items(kind);
      for (size_t i = 0; i < items.size(); ++i) {
        sort_unique(items[i].counterparts);
        sort_unique(items[i].regulation_ids);
        for (int g : items[i].regulation_ids)
          a.regulations[static_cast<size_t>(g)].items.push_back(
              {report, kind, static_cast<int>(i)});
      }
    }
  }
  for (auto& g : a.regulations) sort_unique(g.items);
}

}  // namespace

void link_archive(Archive& a, Diagnostics& diags, int jobs) {
  drop_duplicate_reports(a, diags);
  check_names(a.regulations, "regulation", diags);
  check_names(a.units, "unit", diags);
  check_names(a.topics, "topic", diags);
  add_unregistered(
      a.units, a.reports, [](const Report& r) -> const auto& { return r.units; }, &diags);
  add_unregistered(
      a.topics, a.reports, [](const Report& r) -> const auto& { return r.topics; }, nullptr);

  Resolver resolve(a);
  link_units(a, resolve, diags);
  link_regulations(a, resolve, diags);
  link_registry_bodies(a.regulations, resolve, diags);
  link_registry_bodies(a.units, resolve, diags);
  link_registry_bodies(a.topics, resolve, diags);
  parallel_for(a.reports.size(), jobs,
               [&](size_t ri) { link_report_names(a, static_cast<int>(ri), resolve, diags); });
  // Item links write to both ends, which may be in different reports.
  for (size_t ri = 0; ri < a.reports.size(); ++ri)
    link_items(a, static_cast<int>(ri), resolve, diags);
  fill_backlinks(a);
  derive_status(a);
}

}  // namespace dossier
