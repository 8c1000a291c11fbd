// Report front matter fields, items, and their anchors in the body.
#include "parse/report_parser.h"

#include <map>

#include "base/site_paths.h"
#include "parse/body_parser.h"
#include "parse/front_matter.h"

namespace dossier {

namespace {

std::optional<MeasureStatus> parse_status(std::string_view s) {
  if (s == "planned") return MeasureStatus::kPlanned;
  if (s == "in-progress") return MeasureStatus::kInProgress;
  if (s == "done") return MeasureStatus::kDone;
  return std::nullopt;
}

Item parse_item(FieldReader& fields, ItemKind kind) {
  Item item;
  item.kind = kind;
  const SourceText& src = fields.source();
  if (auto id = fields.scalar("id", true)) {
    item.loc = id->loc;
    if (is_valid_item_id(id->name)) {
      item.id = id->name;
    } else {
      src.error(fields.diagnostics(), id->loc, "id",
                "'" + id->name + "' is not a valid " + std::string(kind_name(kind)) +
                    " id (letters, digits, '-' and '_', at most 64)");
    }
  }
  item.title = fields.text("title", true).value_or("");
  if (kind == ItemKind::kIssue) {
    item.regulations = fields.names("regulations", false);
    item.links = fields.names("measures", false);
  } else {
    item.links = fields.names("addresses", false);
    item.owner = fields.text("owner", false).value_or("");
    item.due = fields.date("due", false);
    if (auto status = fields.scalar("status", false)) {
      if (auto s = parse_status(status->name)) {
        item.status = *s;
      } else {
        src.error(fields.diagnostics(), status->loc, "status",
                  "unknown status '" + status->name + "': use planned, in-progress or done");
      }
    }
  }
  fields.finish(kind_name(kind));
  return item;
}

void parse_items(FieldReader& report, const FrontMatter& fm, Report& out, Diagnostics& diags) {
  for (ItemKind kind : {ItemKind::kIssue, ItemKind::kMeasure}) {
    for (const YamlNode* node : report.maps(kind == ItemKind::kIssue ? "issues" : "measures")) {
      FieldReader fields(*out.source, fm, *node, diags);
      out.items(kind).push_back(parse_item(fields, kind));
    }
  }
  // Issue and measure ids share one namespace: `ID` links and `#ID` anchors.
  std::map<std::string, Loc> seen;
  for (ItemKind kind : {ItemKind::kIssue, ItemKind::kMeasure}) {
    for (const auto& item : out.items(kind)) {
      if (item.id.empty()) continue;
      auto [prev, fresh] = seen.emplace(item.id, item.loc);
      if (!fresh)
        out.source->error(diags, item.loc, "duplicate-item",
                          "duplicate item id '" + item.id + "' (first at line " +
                              std::to_string(prev->second.line) + ")");
    }
  }
}

template <typename R>
auto find_item(R& r, const std::string& id) -> decltype(&r.issues[0]) {
  for (ItemKind kind : {ItemKind::kIssue, ItemKind::kMeasure})
    for (auto& item : r.items(kind))
      if (item.id == id) return &item;
  return nullptr;
}

void attach_anchors(Report& r, Diagnostics& diags) {
  for (size_t i = 0; i < r.body.anchors.size(); ++i) {
    const Anchor& anchor = r.body.anchors[i];
    Item* item = find_item(r, anchor.id);
    if (!item) {
      r.source->error(diags, anchor.loc, "anchor",
                      "heading anchor '{#" + anchor.id +
                          "}' names no issue or measure of this report's front matter");
      continue;
    }
    if (item->anchor >= 0) {
      const Anchor& first = r.body.anchors[static_cast<size_t>(item->anchor)];
      r.source->error(diags, anchor.loc, "duplicate-item",
                      "'" + anchor.id + "' is anchored twice (first at line " +
                          std::to_string(first.loc.line) + ")");
      continue;
    }
    item->anchor = static_cast<int>(i);
  }
}

}  // namespace

RegulationNames::RegulationNames(const std::vector<Regulation>& regulations)
    : regulations_(regulations) {
  add_entry_names(names_, regulations);
}

const Regulation* RegulationNames::operator()(std::string_view name) const {
  int i = names_.find(name);
  return i < 0 ? nullptr : &regulations_[static_cast<size_t>(i)];
}

Report parse_report(std::shared_ptr<const SourceText> src, std::string id,
                    const RegulationLookup& regulations, Diagnostics& diags) {
  Report r;
  r.id = std::move(id);
  r.source = std::move(src);
  const SourceText& s = *r.source;
  if (!is_valid_slug(r.id)) {
    s.error(diags, {1, 1}, "id",
            "file name '" + r.id +
                "' is not a valid report id: use lower-case ASCII letters, digits and '-' "
                "(for example '" +
                slugify(r.id) + "')");
  }
  FrontMatter fm = parse_front_matter(s, true, diags);
  if (fm.ok) {
    FieldReader fields(s, fm, fm.root, diags);
    r.title = fields.text("title", true).value_or("");
    r.date = fields.date("date", true);
    r.units = fields.names("unit", true);
    r.kind = fields.text("kind", false).value_or("");
    r.topics = fields.names("topics", false);
    r.regulations = fields.names("regulations", false);
    parse_items(fields, fm, r, diags);
    fields.finish("report front matter");
  }
  BodyContext context{site_path::report(r.id), regulations,
                      [&r](std::string_view item) -> std::optional<ItemKind> {
                        const Item* it = find_item(r, std::string(item));
                        return it ? std::optional<ItemKind>(it->kind) : std::nullopt;
                      }};
  r.body = parse_body(s, fm.body_offset, fm.body_line, context, diags);
  attach_anchors(r, diags);
  return r;
}

}  // namespace dossier
