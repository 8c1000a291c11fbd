// Rewriting a body's cmark tree for its page, then rendering it.
#include "render/body_html.h"

#include <vector>

#include "base/site_paths.h"
#include "base/text.h"
#include "parse/markdown.h"

namespace dossier {

namespace {

cmark_node* custom_block(const std::string& html) {
  cmark_node* n = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
  cmark_node_set_on_enter(n, html.c_str());
  cmark_node_set_on_exit(n, "");
  return n;
}

cmark_node* text_node(std::string_view text) {
  cmark_node* n = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node_set_literal(n, std::string(text).c_str());
  return n;
}

bool inside_link(cmark_node* n) {
  for (cmark_node* p = cmark_node_parent(n); p; p = cmark_node_parent(p)) {
    auto t = cmark_node_get_type(p);
    if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) return true;
  }
  return false;
}

// Replaces a node by its children (a link that cannot be resolved).
void unwrap(cmark_node* n) {
  while (cmark_node* child = cmark_node_first_child(n)) cmark_node_insert_before(n, child);
  cmark_node_free(n);
}

class BodyRewriter {
 public:
  BodyRewriter(const Archive& archive, const Resolver& resolve, int report, std::string_view page,
               const ItemBoxRenderer& item_box)
      : archive_(archive), resolve_(resolve), report_(report), page_(page), item_box_(item_box) {}

  void rewrite(cmark_node* root) {
    // Collect first: the tree is changed afterwards.
    std::vector<cmark_node*> headings, links, texts;
    cmark_iter* iter = cmark_iter_new(root);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
      if (ev != CMARK_EVENT_ENTER) continue;
      cmark_node* n = cmark_iter_get_node(iter);
      switch (cmark_node_get_type(n)) {
        case CMARK_NODE_HEADING:
          headings.push_back(n);
          break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
          links.push_back(n);
          break;
        case CMARK_NODE_TEXT:
          if (cmark_node_get_literal(n) && std::string_view(cmark_node_get_literal(n)).find("《") !=
                                               std::string_view::npos)
            texts.push_back(n);
          break;
        default:
          break;
      }
    }
    cmark_iter_free(iter);
    for (cmark_node* t : texts)
      if (!inside_link(t)) link_citations(t);
    for (cmark_node* l : links) rewrite_link(l);
    anchor_sections(headings);
  }

 private:
  const Item* item_named(const std::string& id) const {
    if (report_ < 0) return nullptr;
    const Report& r = archive_.reports[static_cast<size_t>(report_)];
    for (ItemKind kind : {ItemKind::kIssue, ItemKind::kMeasure})
      for (const auto& item : r.items(kind))
        if (item.id == id && item.anchor >= 0) return &item;
    return nullptr;
  }

  struct Section {
    cmark_node* heading;
    const Item* item;
    cmark_node* end;  // the heading that ends it, or null: the end of its container
  };

  // Wraps each anchored heading and its description in <section id="ID">,
  // with the item's box after the heading.
  void anchor_sections(const std::vector<cmark_node*>& headings) {
    std::vector<Section> sections;
    for (cmark_node* heading : headings) {
      auto anchor = heading_anchor(heading);
      if (!anchor) continue;
      strip_heading_anchor(heading);
      if (const Item* item = item_named(anchor->id))
        sections.push_back({heading, item, section_end(heading)});
    }
    // Closes first, innermost last-opened first, so that at a shared end the
    // inner section closes before the outer one and before the next opens.
    for (auto it = sections.rbegin(); it != sections.rend(); ++it) {
      cmark_node* close = custom_block("</section>");
      if (it->end) {
        cmark_node_insert_before(it->end, close);
      } else {
        cmark_node_append_child(cmark_node_parent(it->heading), close);
      }
    }
    for (const Section& s : sections) {
      std::string open = "<section class=\"item item-" + std::string(kind_name(s.item->kind)) +
                         "\" id=\"" + html_escape(s.item->id) + "\">";
      cmark_node_insert_before(s.heading, custom_block(open));
      cmark_node_insert_after(s.heading, custom_block(item_box_(*s.item)));
    }
  }

  static cmark_node* section_end(cmark_node* heading) {
    int level = cmark_node_get_heading_level(heading);
    cmark_node* end = cmark_node_next(heading);
    while (end && !(cmark_node_get_type(end) == CMARK_NODE_HEADING &&
                    cmark_node_get_heading_level(end) <= level))
      end = cmark_node_next(end);
    return end;
  }

  void rewrite_link(cmark_node* n) {
    const char* url = cmark_node_get_url(n);
    LinkTarget t = resolve_.body_link(report_, url ? url : "");
    bool image = cmark_node_get_type(n) == CMARK_NODE_IMAGE;
    switch (t.kind) {
      case LinkTarget::Kind::kSite:
        cmark_node_set_url(n, relative_url(page_, t.path).c_str());
        break;
      case LinkTarget::Kind::kError:
        unwrap(n);
        break;
      case LinkTarget::Kind::kExternal:
        if (image && !std::string_view(url).starts_with("data:")) {
          // No request may leave the site: show the image as a link.
          cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
          cmark_node_set_url(link, url);
          cmark_node_insert_before(n, link);
          while (cmark_node* child = cmark_node_first_child(n)) cmark_node_append_child(link, child);
          if (!cmark_node_first_child(link)) cmark_node_append_child(link, text_node(url));
          cmark_node_free(n);
        }
        break;
      case LinkTarget::Kind::kLocal:
        break;
    }
  }

  void link_citations(cmark_node* n) {
    std::string literal = cmark_node_get_literal(n);
    size_t done = 0;
    std::vector<cmark_node*> parts;
    for_each_title_quote(literal, [&](std::string_view inside, size_t at) {
      int reg = resolve_.regulation(trim(inside));
      if (reg < 0) return;
      const Regulation& r = archive_.regulations[static_cast<size_t>(reg)];
      size_t end = static_cast<size_t>(inside.data() - literal.data()) + inside.size() + 3;
      if (at > done) parts.push_back(text_node(std::string_view(literal).substr(done, at - done)));
      cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
      cmark_node_set_url(link, relative_url(page_, site_path::regulation(r.slug)).c_str());
      cmark_node_set_title(link, r.title.c_str());
      cmark_node_append_child(link, text_node(std::string_view(literal).substr(at, end - at)));
      parts.push_back(link);
      done = end;
    });
    if (parts.empty()) return;
    if (done < literal.size()) parts.push_back(text_node(std::string_view(literal).substr(done)));
    for (cmark_node* p : parts) cmark_node_insert_before(n, p);
    cmark_node_free(n);
  }

  const Archive& archive_;
  const Resolver& resolve_;
  int report_;
  std::string_view page_;
  const ItemBoxRenderer& item_box_;
};

}  // namespace

std::string render_body_html(const Archive& archive, const Resolver& resolve, int report,
                             std::string_view markdown, std::string_view page,
                             const ItemBoxRenderer& item_box) {
  MarkdownDocument doc(markdown);
  BodyRewriter(archive, resolve, report, page, item_box).rewrite(doc.root());
  return doc.render_html();
}

}  // namespace dossier
