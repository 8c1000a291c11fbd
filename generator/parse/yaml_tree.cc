// Building a YamlNode tree from yaml-cpp parser events.
#include "parse/yaml_tree.h"

#include <istream>
#include <map>
#include <streambuf>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

namespace dossier {

namespace {

// An istream over existing bytes, without copying them.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(std::string_view s) {
    char* p = const_cast<char*>(s.data());
    setg(p, p, p + s.size());
  }
};

class TreeBuilder : public YAML::EventHandler {
 public:
  // Aliases copy their anchor's node; this bounds what a small document
  // can expand to ("billion laughs").
  static constexpr size_t kMaxNodes = 200000;

  YamlNode take() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode n;
    n.mark = mark;
    add(std::move(n), anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it != anchors_.end()) charge(deep_size(it->second), mark);
    YamlNode n = it == anchors_.end() ? YamlNode{} : it->second;
    n.mark = mark;
    add(std::move(n), YAML::NullAnchor);
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode n;
    n.kind = YamlNode::Kind::kScalar;
    n.mark = mark;
    n.scalar = value;
    add(std::move(n), anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::kSequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::kMap, mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    YamlNode node;
    YAML::anchor_t anchor;
    bool have_key = false;
    YamlNode key;
  };

  void charge(size_t nodes, const YAML::Mark& mark) {
    nodes_ += nodes;
    if (nodes_ > kMaxNodes)
      throw YAML::ParserException(mark, "too many values (aliases expand too far)");
  }

  // Nodes in a subtree, counting no further than the budget left.
  size_t deep_size(const YamlNode& n) const {
    size_t total = 1;
    for (const auto& item : n.items) {
      total += deep_size(item);
      if (nodes_ + total > kMaxNodes) return total;
    }
    for (const auto& [key, value] : n.entries) {
      total += deep_size(key) + deep_size(value);
      if (nodes_ + total > kMaxNodes) return total;
    }
    return total;
  }

  void open(YamlNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    Open o{YamlNode{}, anchor, false, YamlNode{}};
    o.node.kind = kind;
    o.node.mark = mark;
    stack_.push_back(std::move(o));
  }

  void close() {
    Open o = std::move(stack_.back());
    stack_.pop_back();
    add(std::move(o.node), o.anchor);
  }

  void add(YamlNode n, YAML::anchor_t anchor) {
    charge(1, n.mark);
    if (anchor != YAML::NullAnchor) anchors_[anchor] = n;
    if (stack_.empty()) {
      root_ = std::move(n);
      return;
    }
    Open& top = stack_.back();
    if (top.node.is_sequence()) {
      top.node.items.push_back(std::move(n));
    } else if (!top.have_key) {
      top.key = std::move(n);
      top.have_key = true;
    } else {
      top.node.entries.push_back({std::move(top.key), std::move(n)});
      top.have_key = false;
    }
  }

  YamlNode root_;
  std::vector<Open> stack_;
  std::map<YAML::anchor_t, YamlNode> anchors_;
  size_t nodes_ = 0;
};

}  // namespace

YamlNode parse_yaml(std::string_view text) {
  ViewBuffer buffer(text);
  std::istream in(&buffer);
  YAML::Parser parser(in);
  TreeBuilder builder;
  parser.HandleNextDocument(builder);
  return builder.take();
}

}  // namespace dossier
