// Parsing a body: collecting facts, rewriting the tree, rendering HTML.
#include "parse/body_parser.h"

#include <vector>

#include "base/site_paths.h"
#include "base/text.h"
#include "model/body_markers.h"
#include "parse/markdown.h"

namespace dossier {

namespace {

cmark_node* text_node(std::string_view text) {
  cmark_node* n = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node_set_literal(n, std::string(text).c_str());
  return n;
}

// A node whose HTML is given: a block (between blocks) or an inline.
cmark_node* raw_node(cmark_node_type type, const std::string& enter, const std::string& exit) {
  cmark_node* n = cmark_node_new(type);
  cmark_node_set_on_enter(n, enter.c_str());
  cmark_node_set_on_exit(n, exit.c_str());
  return n;
}

bool inside_link(cmark_node* n) {
  for (cmark_node* p = cmark_node_parent(n); p; p = cmark_node_parent(p)) {
    auto t = cmark_node_get_type(p);
    if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) return true;
  }
  return false;
}

void move_children_before(cmark_node* n) {
  while (cmark_node* child = cmark_node_first_child(n)) cmark_node_insert_before(n, child);
}

void move_children(cmark_node* from, cmark_node* to) {
  while (cmark_node* child = cmark_node_first_child(from)) cmark_node_append_child(to, child);
}

std::string title_attribute(cmark_node* link) {
  const char* title = cmark_node_get_title(link);
  return title && *title ? " title=\"" + html_escape(title) + "\"" : "";
}

class BodyParser {
 public:
  BodyParser(const SourceText& src, size_t offset, int line, const BodyContext& context,
             Diagnostics& diags)
      : src_(src), offset_(offset), line_(line), context_(context), diags_(diags) {}

  Body run() {
    MarkdownDocument doc(std::string_view(src_.text()).substr(offset_));
    collect(doc.root());
    for (cmark_node* t : citation_texts_) link_citations(t);
    for (size_t i = 0; i < link_nodes_.size(); ++i) rewrite_link(link_nodes_[i], i);
    anchor_sections();
    body_.html = doc.render_html();
    return std::move(body_);
  }

 private:
  // Byte offset in the file of a node's start.
  size_t node_offset(cmark_node* n) const {
    int line = line_ + cmark_node_get_start_line(n) - 1;
    return src_.line_start(line) +
           static_cast<size_t>(std::max(cmark_node_get_start_column(n) - 1, 0));
  }

  void collect(cmark_node* root) {
    cmark_iter* iter = cmark_iter_new(root);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
      cmark_node* node = cmark_iter_get_node(iter);
      if (ev == CMARK_EVENT_EXIT) {
        if (cmark_node_get_type(node) == CMARK_NODE_HEADING) {
          // The heading's line ends outside its own section.
          add_text("\n", heading_opened_ ? 1 : 0);
          in_heading_ = heading_opened_ = false;
        } else if (is_block(node) && cmark_node_get_type(node) != CMARK_NODE_DOCUMENT) {
          add_text("\n");
        }
        continue;
      }
      switch (cmark_node_get_type(node)) {
        case CMARK_NODE_HEADING:
          heading(node);
          break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE: {
          const char* url = cmark_node_get_url(node);
          std::string u = url ? url : "";
          bool archive = is_archive_link(u);
          body_.links.push_back({u, src_.loc_at(node_offset(node)),
                                 cmark_node_get_type(node) == CMARK_NODE_IMAGE, archive,
                                 open_.empty() ? -1 : open_.back().anchor});
          link_nodes_.push_back(node);
          break;
        }
        case CMARK_NODE_TEXT:
          if (!in_heading_) add_text(cmark_node_get_literal(node));
          citations(node);
          break;
        case CMARK_NODE_CODE:
        case CMARK_NODE_CODE_BLOCK:
          if (!in_heading_) add_text(cmark_node_get_literal(node));
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          if (!in_heading_) add_text("\n");
          break;
        default:
          break;
      }
    }
    cmark_iter_free(iter);
  }

  static bool is_block(cmark_node* n) {
    return (cmark_node_get_type(n) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK;
  }

  // Text goes to the body and to every anchored section the walk is in
  // (but the innermost `skip_inner`).
  void add_text(std::string_view t, size_t skip_inner = 0) {
    body_.text += t;
    for (size_t i = 0; i + skip_inner < open_.size(); ++i)
      body_.anchors[static_cast<size_t>(open_[i].anchor)].text += t;
  }

  // A heading's text is added whole here, without its `{#ID}`; its
  // children are still walked for links and citations.
  void heading(cmark_node* node) {
    int level = cmark_node_get_heading_level(node);
    while (!open_.empty() && open_.back().level >= level) open_.pop_back();
    auto anchor = heading_anchor(node);
    add_text(anchor ? anchor->text : plain_text(node));
    in_heading_ = true;
    if (!anchor) return;
    int line = line_ + cmark_node_get_start_line(node) - 1;
    size_t brace = src_.line(line).rfind("{#");
    Loc loc = brace == std::string_view::npos ? src_.loc_at(node_offset(node))
                                              : src_.loc_at(src_.line_start(line) + brace);
    if (!is_valid_item_id(anchor->id)) {
      src_.error(diags_, loc, "anchor",
                 "'{#" + anchor->id +
                     "}' is not a valid item id (letters, digits, '-' and '_', at most 64)");
      headings_.push_back({node, -1});
      return;
    }
    body_.anchors.push_back({anchor->id, loc, {}});
    int index = static_cast<int>(body_.anchors.size()) - 1;
    headings_.push_back({node, index});
    open_.push_back({level, index});
    heading_opened_ = true;
  }

  // `《…》` in a text node, each with its position in the file.
  void citations(cmark_node* node) {
    std::string_view literal = cmark_node_get_literal(node);
    bool any = false;
    for_each_title_quote(literal, [&](std::string_view inside, size_t at) {
      any = true;
      std::string title(trim(inside));
      if (title.empty()) return;
      // The literal lost escapes, so its offsets are not the source's: find
      // the same 《 in the source by counting the 《s before it.
      size_t nth = 0;
      for (size_t p = 0; (p = literal.find("《", p)) < at; p += 1) ++nth;
      size_t pos = node_offset(node);
      for (size_t k = 0; k <= nth && pos != std::string::npos; ++k)
        pos = src_.text().find("《", k == 0 ? pos : pos + 1);
      Loc loc = pos == std::string::npos ? src_.loc_at(node_offset(node)) : src_.loc_at(pos);
      body_.citations.push_back({title, loc, open_.empty() ? -1 : open_.back().anchor});
    });
    if (any && context_.regulation && !inside_link(node)) citation_texts_.push_back(node);
  }

  // Splits a text node so that each registered 《…》 becomes a link.
  void link_citations(cmark_node* n) {
    std::string literal = cmark_node_get_literal(n);
    size_t done = 0;
    std::vector<cmark_node*> parts;
    for_each_title_quote(literal, [&](std::string_view inside, size_t at) {
      const Regulation* reg = context_.regulation(trim(inside));
      if (!reg) return;
      size_t end = static_cast<size_t>(inside.data() - literal.data()) + inside.size() +
                   std::string_view("》").size();
      if (at > done) parts.push_back(text_node(std::string_view(literal).substr(done, at - done)));
      cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
      cmark_node_set_url(link,
                         relative_url(context_.page, site_path::regulation(reg->slug)).c_str());
      cmark_node_set_title(link, reg->title.c_str());
      cmark_node_append_child(link, text_node(std::string_view(literal).substr(at, end - at)));
      parts.push_back(link);
      done = end;
    });
    if (parts.empty()) return;
    if (done < literal.size()) parts.push_back(text_node(std::string_view(literal).substr(done)));
    for (cmark_node* p : parts) cmark_node_insert_before(n, p);
    cmark_node_free(n);
  }

  // Archive links get a marker for the href the link stage finds; images
  // from outside become plain links (no request may leave the site).
  void rewrite_link(cmark_node* n, size_t index) {
    const BodyLink& link = body_.links[index];
    if (link.archive) {
      std::string marker = body_marker('L', index);
      cmark_node* raw;
      if (link.image) {
        raw = raw_node(CMARK_NODE_CUSTOM_INLINE,
                       "<img src=\"" + marker + "\" alt=\"" + html_escape(plain_text(n)) + "\"" +
                           title_attribute(n) + " />",
                       "");
      } else {
        raw = raw_node(CMARK_NODE_CUSTOM_INLINE,
                       "<a href=\"" + marker + "\"" + title_attribute(n) + ">", "</a>");
        move_children(n, raw);
      }
      cmark_node_insert_before(n, raw);
      cmark_node_free(n);
    } else if (link.image && is_data_url(link.url) && !is_safe_data_image(link.url)) {
      // cmark would empty the src: keep the image's description instead.
      move_children_before(n);
      cmark_node_free(n);
    } else if (link.image && !is_data_url(link.url)) {
      cmark_node* a = cmark_node_new(CMARK_NODE_LINK);
      cmark_node_set_url(a, link.url.c_str());
      move_children(n, a);
      if (!cmark_node_first_child(a)) cmark_node_append_child(a, text_node(link.url));
      cmark_node_insert_before(n, a);
      cmark_node_free(n);
    }
  }

  struct Section {
    cmark_node* heading;
    int anchor;
    ItemKind kind;
    cmark_node* end;  // the heading that ends it, or null: the end of its container
  };

  static cmark_node* section_end(cmark_node* heading) {
    int level = cmark_node_get_heading_level(heading);
    cmark_node* end = cmark_node_next(heading);
    while (end && !(cmark_node_get_type(end) == CMARK_NODE_HEADING &&
                    cmark_node_get_heading_level(end) <= level))
      end = cmark_node_next(end);
    return end;
  }

  // Wraps each anchored heading and its description, up to the next heading
  // of the same or a higher level, in <section id="ID">, with the item's box
  // (a marker) after the heading.
  void anchor_sections() {
    std::vector<Section> sections;
    for (const auto& [heading, anchor] : headings_) {
      strip_heading_anchor(heading);
      if (anchor < 0 || !context_.item_kind) continue;
      auto kind = context_.item_kind(body_.anchors[static_cast<size_t>(anchor)].id);
      if (kind) sections.push_back({heading, anchor, *kind, section_end(heading)});
    }
    // Closes first, last-opened first, so that at a shared end the inner
    // section closes before the outer one and before the next one opens.
    for (auto it = sections.rbegin(); it != sections.rend(); ++it) {
      cmark_node* close = raw_node(CMARK_NODE_CUSTOM_BLOCK, "</section>", "");
      if (it->end) {
        cmark_node_insert_before(it->end, close);
      } else {
        cmark_node_append_child(cmark_node_parent(it->heading), close);
      }
    }
    for (const Section& s : sections) {
      const std::string& id = body_.anchors[static_cast<size_t>(s.anchor)].id;
      std::string open = "<section class=\"item item-" + std::string(kind_name(s.kind)) +
                         "\" id=\"" + html_escape(id) + "\">";
      cmark_node_insert_before(s.heading, raw_node(CMARK_NODE_CUSTOM_BLOCK, open, ""));
      cmark_node_insert_after(
          s.heading,
          raw_node(CMARK_NODE_CUSTOM_BLOCK, body_marker('B', static_cast<size_t>(s.anchor)), ""));
    }
  }

  struct Open {
    int level;
    int anchor;
  };

  const SourceText& src_;
  size_t offset_;
  int line_;
  const BodyContext& context_;
  Diagnostics& diags_;
  Body body_;
  std::vector<Open> open_;       // anchored sections the walk is in, outermost first
  bool in_heading_ = false;      // its text is added already
  bool heading_opened_ = false;  // and it opened an anchored section
  std::vector<std::pair<cmark_node*, int>> headings_;  // headings with {#…}, anchor or -1
  std::vector<cmark_node*> link_nodes_;                // parallel to body_.links
  std::vector<cmark_node*> citation_texts_;
};

}  // namespace

Body parse_body(const SourceText& src, size_t offset, int line, const BodyContext& context,
                Diagnostics& diags) {
  return BodyParser(src, offset, line, context, diags).run();
}

}  // namespace dossier
