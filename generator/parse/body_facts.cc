// Collecting anchors, links, citations and text from a body.
#include "parse/body_facts.h"

#include <vector>

#include "base/site_paths.h"
#include "base/text.h"
#include "parse/markdown.h"

namespace dossier {

namespace {

class Collector {
 public:
  Collector(const SourceText& src, size_t body_offset, int body_line, Diagnostics& diags)
      : src_(src), body_offset_(body_offset), body_line_(body_line), diags_(diags) {}

  BodyFacts run() {
    MarkdownDocument doc(std::string_view(src_.text()).substr(body_offset_));
    cmark_iter* iter = cmark_iter_new(doc.root());
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter);
      if (ev == CMARK_EVENT_ENTER) enter(node);
    }
    cmark_iter_free(iter);
    return std::move(facts_);
  }

 private:
  // Byte offset in the file of a node's start.
  size_t node_offset(cmark_node* n) const {
    int line = body_line_ + cmark_node_get_start_line(n) - 1;
    return src_.line_start(line) + static_cast<size_t>(std::max(cmark_node_get_start_column(n) - 1, 0));
  }

  void enter(cmark_node* node) {
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HEADING:
        heading(node);
        break;
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE:
        facts_.links.push_back({cmark_node_get_url(node) ? cmark_node_get_url(node) : "",
                                src_.loc_at(node_offset(node)),
                                cmark_node_get_type(node) == CMARK_NODE_IMAGE});
        break;
      case CMARK_NODE_TEXT:
        citations(node);
        break;
      default:
        break;
    }
  }

  void heading(cmark_node* node) {
    int level = cmark_node_get_heading_level(node);
    while (!open_.empty() && open_.back().level >= level) open_.pop_back();
    auto anchor = heading_anchor(node);
    if (!anchor) return;
    int line = body_line_ + cmark_node_get_start_line(node) - 1;
    size_t brace = src_.line(line).rfind("{#");
    Loc loc = brace == std::string_view::npos ? src_.loc_at(node_offset(node))
                                              : src_.loc_at(src_.line_start(line) + brace);
    if (!is_valid_item_id(anchor->id)) {
      src_.error(diags_, loc, "anchor",
                 "'{#" + anchor->id +
                     "}' is not a valid item id (letters, digits, '-' and '_', at most 64)");
      return;
    }
    facts_.anchors.push_back({anchor->id, loc});
    open_.push_back({level, static_cast<int>(facts_.anchors.size()) - 1});
  }

  // `《…》` in a text node, each with its position in the file.
  void citations(cmark_node* node) {
    std::string_view literal = cmark_node_get_literal(node);
    int seen = 0;
    for_each_title_quote(literal, [&](std::string_view inside, size_t) {
      // The literal lost escapes; find the same 《 in the source by count.
      size_t at = node_offset(node);
      for (int k = 0; k <= seen && at != std::string::npos; ++k) {
        at = src_.text().find("《", k == 0 ? at : at + 1);
      }
      ++seen;
      Loc loc = at == std::string::npos ? src_.loc_at(node_offset(node)) : src_.loc_at(at);
      std::string title(trim(inside));
      if (!title.empty())
        facts_.citations.push_back({title, loc, open_.empty() ? -1 : open_.back().anchor});
    });
  }

  struct Open {
    int level;
    int anchor;
  };

  const SourceText& src_;
  size_t body_offset_;
  int body_line_;
  Diagnostics& diags_;
  BodyFacts facts_;
  std::vector<Open> open_;  // anchored sections the walk is in, outermost first
};

}  // namespace

BodyFacts collect_body_facts(const SourceText& src, size_t body_offset, int body_line,
                             Diagnostics& diags) {
  return Collector(src, body_offset, body_line, diags).run();
}

}  // namespace dossier
