// cmark-gfm parsing and safe rendering, heading anchors, plain text.
#include "parse/markdown.h"

#include <cstdlib>
#include <cstring>
#include <mutex>

#include <cmark-gfm-core-extensions.h>

#include "base/text.h"

namespace dossier {

namespace {
constexpr int kParseOptions = CMARK_OPT_DEFAULT;  // input is checked UTF-8 (load stage)
// Safe mode is cmark's default: no raw HTML, no javascript:/vbscript:/file: URLs.
constexpr int kRenderOptions = CMARK_OPT_DEFAULT | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES;
constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter",
                                       "tasklist"};

void register_extensions() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}
}  // namespace

MarkdownDocument::MarkdownDocument(std::string_view markdown) {
  register_extensions();
  parser_ = cmark_parser_new(kParseOptions);
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser_, ext);
  }
  cmark_parser_feed(parser_, markdown.data(), markdown.size());
  root_ = cmark_parser_finish(parser_);
  cmark_consolidate_text_nodes(root_);
}

MarkdownDocument::~MarkdownDocument() {
  if (root_) cmark_node_free(root_);
  if (parser_) cmark_parser_free(parser_);
}

std::string MarkdownDocument::render_html() const {
  char* html =
      cmark_render_html(root_, kRenderOptions, cmark_parser_get_syntax_extensions(parser_));
  std::string out(html);
  std::free(html);
  return out;
}

// The trailing "{#ID}" of text, as [start of "{#", id).
static std::optional<std::pair<size_t, std::string>> find_anchor_suffix(std::string_view text) {
  std::string_view t = trim(text);
  if (!t.ends_with('}')) return std::nullopt;
  size_t open = t.rfind("{#");
  if (open == std::string_view::npos) return std::nullopt;
  std::string id(t.substr(open + 2, t.size() - open - 3));
  size_t start = static_cast<size_t>(t.data() - text.data()) + open;
  return std::make_pair(start, id);
}

static cmark_node* last_text_child(cmark_node* heading) {
  cmark_node* last = cmark_node_last_child(heading);
  return last && cmark_node_get_type(last) == CMARK_NODE_TEXT ? last : nullptr;
}

std::optional<HeadingAnchor> heading_anchor(cmark_node* heading) {
  cmark_node* last = last_text_child(heading);
  if (!last) return std::nullopt;
  const char* literal = cmark_node_get_literal(last);
  auto suffix = find_anchor_suffix(literal ? literal : "");
  if (!suffix) return std::nullopt;
  std::string text = plain_text(heading);
  auto whole = find_anchor_suffix(text);
  if (whole) text.resize(whole->first);
  return HeadingAnchor{suffix->second, std::string(trim(text))};
}

void strip_heading_anchor(cmark_node* heading) {
  cmark_node* last = last_text_child(heading);
  if (!last) return;
  std::string literal = cmark_node_get_literal(last);
  auto suffix = find_anchor_suffix(literal);
  if (!suffix) return;
  literal.resize(suffix->first);
  while (!literal.empty() && (literal.back() == ' ' || literal.back() == '\t')) literal.pop_back();
  if (literal.empty()) {
    cmark_node_free(last);
  } else {
    cmark_node_set_literal(last, literal.c_str());
  }
}

std::string plain_text(cmark_node* node) {
  std::string out;
  cmark_iter* iter = cmark_iter_new(node);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(iter);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
      case CMARK_NODE_CODE_BLOCK:
        if (const char* lit = cmark_node_get_literal(n)) out += lit;
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += '\n';
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
  return out;
}

}  // namespace dossier
