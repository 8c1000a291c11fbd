// The archive model: reports with their issues and measures, the registries
// (regulations, units, topics) and the site settings. parse/ fills the
// records as written; link/ fills the resolved fields (marked "linked").
// The content format is SPEC §2.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/source_text.h"
#include "model/date.h"

namespace dossier {

// A name as written in the content (a unit, regulation, topic or item id),
// with where it was written.
struct NameRef {
  std::string name;
  Loc loc;
};

enum class ItemKind { kIssue, kMeasure };
enum class MeasureStatus { kPlanned, kInProgress, kDone };
enum class IssueStatus { kOpen, kInProgress, kRectified, kOverdue };

// Addresses one issue or measure of the archive.
struct ItemKey {
  int report = -1;
  ItemKind kind = ItemKind::kIssue;
  int index = -1;  // into Report::issues or Report::measures
  friend auto operator<=>(const ItemKey&, const ItemKey&) = default;
};

// `《…》` found in a body: its inside, where, and the anchored item (index
// into Body::anchors) whose description holds it, or -1.
struct Citation {
  std::string title;
  Loc loc;
  int anchor = -1;
};

// A Markdown link or image destination in a body, as written, and the
// anchored item (index into Body::anchors) whose description holds it, or -1.
struct BodyLink {
  std::string url;
  Loc loc;
  bool image = false;
  bool archive = false;  // points into the archive (scheme or relative path): resolved by link/
  int anchor = -1;
};

// A heading ending in `{#ID}`, and the plain text of its section (the
// anchored item's description: up to the next heading of the same or a
// higher level, nested headings included).
struct Anchor {
  std::string id;
  Loc loc;
  std::string text;
};

// A Markdown body, parsed once (parse/body_parser.h): what the link stage
// checks, and the HTML the render stage completes by filling its markers
// (one per archive link and one per anchored item's box).
struct Body {
  std::vector<Anchor> anchors;
  std::vector<BodyLink> links;
  std::vector<Citation> citations;
  std::string html;
  // Plain text, for search: blocks and line breaks end with "\n", headings
  // without their `{#ID}`, link and image text included, raw HTML left out.
  std::string text;

  // linked: for each entry of `links` with `archive` set, the site path it
  // points to (with #fragment); empty for the others.
  std::vector<std::string> link_targets;
};

struct Item {
  ItemKind kind = ItemKind::kIssue;
  std::string id;
  Loc loc;  // of the `id:` value
  std::string title;
  std::vector<NameRef> regulations;  // issue: `regulations:`
  std::vector<NameRef> links;        // issue: `measures:`; measure: `addresses:`
  std::string owner;                 // measure
  std::optional<Date> due;           // measure
  MeasureStatus status = MeasureStatus::kPlanned;
  int anchor = -1;  // index into Body::anchors, or -1 when not anchored

  // linked
  std::vector<ItemKey> counterparts;              // issue: its measures; measure: its issues
  std::vector<int> regulation_ids;                // declared and cited in its description
  IssueStatus issue_status = IssueStatus::kOpen;  // issue: derived (SPEC §2.4)
  bool overdue = false;                           // measure: past due, not done
};

struct Report {
  std::string id;  // the file stem
  std::shared_ptr<const SourceText> source;

  std::string title;
  std::optional<Date> date;
  std::vector<NameRef> units;
  std::string kind;
  std::vector<NameRef> topics;
  std::vector<NameRef> regulations;
  std::vector<Item> issues;
  std::vector<Item> measures;
  Body body;

  // linked
  std::vector<int> unit_ids;
  std::vector<int> topic_ids;
  std::vector<int> regulation_ids;  // declared or cited anywhere in the report

  int year() const { return date ? date->year : 0; }
  const std::vector<Item>& items(ItemKind k) const {
    return k == ItemKind::kIssue ? issues : measures;
  }
  std::vector<Item>& items(ItemKind k) { return k == ItemKind::kIssue ? issues : measures; }
};

// Where a registry file's body begins, until parse_registry_body reads it.
struct BodyStart {
  size_t offset = 0;
  int line = 1;
};

struct Regulation {
  std::string slug;
  std::shared_ptr<const SourceText> source;
  BodyStart body_start;
  Body body;  // the summary
  std::string title;
  Loc title_loc;
  std::vector<NameRef> aliases;
  std::string issuer;
  std::optional<Date> issued;
  std::string number;  // 文号
  std::string status;  // in-force | amended | repealed
  NameRef superseded_by;
  std::string url;

  // linked
  int superseded_by_id = -1;
  std::vector<int> reports;    // citing reports
  std::vector<ItemKey> items;  // citing issues and measures
};

struct Unit {
  std::string slug;
  std::string title;
  Loc title_loc;
  std::vector<NameRef> aliases;
  NameRef parent;
  bool registered = true;  // false: named by a report, absent from units/
  std::shared_ptr<const SourceText> source;
  BodyStart body_start;
  Body body;  // the description

  // linked
  int parent_id = -1;
  std::vector<int> children;
  std::vector<int> reports;  // reports naming this unit itself
};

struct Topic {
  std::string slug;
  std::string title;
  Loc title_loc;
  std::vector<NameRef> aliases;
  bool registered = true;
  std::shared_ptr<const SourceText> source;
  BodyStart body_start;
  Body body;  // the description

  // linked
  std::vector<int> reports;
};

// A file under content/assets/, copied to the site.
struct Asset {
  std::string source_path;  // relative to the content folder: assets/…
  std::string output_path;  // relative to the site: assets/… (ASCII, lower case)
};

struct SiteSettings {
  std::string title = "dossier";
  std::string language = "zh-CN";
  std::string description;
  std::string base_url;  // optional: absolute URLs in sitemap.xml
  std::optional<Date> as_of;
  // The Xapian index keeps each document's term list, so that a program can
  // replace or delete one document in it; builds take about a quarter
  // longer (docs/search.md, "Files").
  bool replaceable_search_index = false;
};

struct Archive {
  // The texts of the content files are needed until the link stage has
  // reported its diagnostics; the render stage needs only Body::html.
  void release_sources();
  // The reports' HTML, once their pages are written: the indexes need only
  // the text (docs/performance.md, "The build's memory").
  void release_report_html();

  std::string content_dir;  // as given on the command line
  SiteSettings settings;
  Date today;                           // as_of, else the build date
  std::vector<Report> reports;          // sorted by id
  std::vector<Regulation> regulations;  // sorted by slug
  std::vector<Unit> units;              // sorted by slug
  std::vector<Topic> topics;            // sorted by slug
  std::vector<Asset> assets;            // sorted by source path

  const Item& item(const ItemKey& k) const {
    return reports[static_cast<size_t>(k.report)].items(k.kind)[static_cast<size_t>(k.index)];
  }
  Item& item(const ItemKey& k) {
    return reports[static_cast<size_t>(k.report)].items(k.kind)[static_cast<size_t>(k.index)];
  }
};

std::string_view status_name(MeasureStatus s);   // planned | in-progress | done
std::string_view status_name(IssueStatus s);     // open | in-progress | rectified | overdue
std::string_view status_label(MeasureStatus s);  // 计划中 | 进行中 | 已完成
std::string_view status_label(IssueStatus s);    // 待整改 | 整改中 | 已整改 | 已逾期
std::string_view kind_name(ItemKind k);          // issue | measure
// 现行有效 | 已修订 | 已废止 for a regulation's in-force | amended | repealed.
std::string_view regulation_status_label(std::string_view status);

}  // namespace dossier
