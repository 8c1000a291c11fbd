// Markdown documents: cmark-gfm with the GFM extensions the SPEC names
// (tables, strikethrough, autolinks; tag filter and task lists too), parsed
// into an AST that later stages walk and rewrite, then rendered to HTML in
// cmark's safe mode (raw HTML and dangerous URLs never pass).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <cmark-gfm.h>

namespace dossier {

class MarkdownDocument {
 public:
  explicit MarkdownDocument(std::string_view markdown);
  ~MarkdownDocument();
  MarkdownDocument(const MarkdownDocument&) = delete;
  MarkdownDocument& operator=(const MarkdownDocument&) = delete;

  cmark_node* root() const { return root_; }
  // Safe-mode HTML of the (possibly rewritten) tree.
  std::string render_html() const;

 private:
  cmark_parser* parser_ = nullptr;
  cmark_node* root_ = nullptr;
};

// A heading's trailing `{#ID}`: the id as written (not yet validated) and
// the heading text without it. nullopt when the heading has none.
struct HeadingAnchor {
  std::string id;
  std::string text;
};
std::optional<HeadingAnchor> heading_anchor(cmark_node* heading);
// Removes the `{#ID}` suffix from the heading's last text node.
void strip_heading_anchor(cmark_node* heading);

// The text content of a node and its descendants (code included, raw HTML
// left out); soft and hard breaks become "\n".
std::string plain_text(cmark_node* node);

// Finds `《…》` spans in text: calls f(inside, byte offset of `《`) for each.
template <typename F>
void for_each_title_quote(std::string_view text, F&& f) {
  constexpr std::string_view kOpen = "《", kClose = "》";
  size_t at = 0;
  while ((at = text.find(kOpen, at)) != std::string_view::npos) {
    size_t inner = at + kOpen.size();
    size_t close = text.find(kClose, inner);
    if (close == std::string_view::npos) return;
    size_t reopen = text.find(kOpen, inner);
    if (reopen != std::string_view::npos && reopen < close) {
      at = reopen;  // 《a《b》: the inner one is the title
      continue;
    }
    f(text.substr(inner, close - inner), at);
    at = close + kClose.size();
  }
}

}  // namespace dossier
