// End-to-end test helpers: processes, files, HTML (gumbo), CSV.
#include "e2e/harness.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "publish/site_writer.h"

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace dossier::e2e {

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "dossier-e2e-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = fs::canonical(pattern);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

fs::path cached_dir(const std::string& name, const std::function<void(const fs::path&)>& make) {
  fs::path cache = fs::path(DOSSIER_TEST_CACHE_DIR);
  fs::create_directories(cache);
  int lock = ::open((cache / (name + ".lock")).c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644);
  if (lock < 0 || ::flock(lock, LOCK_EX) != 0)
    throw std::runtime_error("cannot lock the test cache");
  // Made for this binary: its size and modification time.
  struct stat st {};
  ::stat(DOSSIER_BINARY, &st);
  std::string stamp = std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec) + "." +
                      std::to_string(st.st_mtim.tv_nsec);
  fs::path dir = cache / name, stamp_file = cache / (name + ".stamp");
  std::error_code ec;
  if (!fs::exists(stamp_file) || read_file(stamp_file) != stamp) {
    fs::remove_all(dir, ec);
    fs::create_directories(dir);
    make(dir);
    write_file(stamp_file, stamp);
  }
  ::close(lock);
  return dir;
}

RunResult run_dossier(const fs::path& cwd, const std::vector<std::string>& args) {
  std::vector<std::string> command = {DOSSIER_BINARY};
  command.insert(command.end(), args.begin(), args.end());
  return run_command(cwd, command);
}

pid_t start_command(const fs::path& cwd, const std::vector<std::string>& command,
                    const fs::path& out, const fs::path& err) {
  std::vector<std::string> argv_strings = command;
  std::vector<char*> argv;
  for (auto& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  int in_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  int out_fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  pid_t pid = in_fd < 0 || out_fd < 0 || err_fd < 0 ? -1 : ::fork();
  if (pid == 0) {
    if (::chdir(cwd.c_str()) != 0) ::_exit(127);
    ::dup2(in_fd, 0);
    ::dup2(out_fd, 1);
    ::dup2(err_fd, 2);
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  for (int fd : {in_fd, out_fd, err_fd})
    if (fd >= 0) ::close(fd);
  if (pid < 0) throw std::runtime_error("cannot start " + command[0]);
  return pid;
}

RunResult run_command(const fs::path& cwd, const std::vector<std::string>& command) {
  TempDir io;
  fs::path out_path = io / "stdout", err_path = io / "stderr";
  pid_t pid = start_command(cwd, command, out_path, err_path);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error("waitpid failed");
  }
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  return r;
}

RunResult build_fixture(const TempDir& dir, std::string_view kind, std::string_view name,
                        const std::vector<std::string>& extra) {
  copy_fixture(dir, kind, name);
  std::vector<std::string> args = {"build", "content", "-o", "site"};
  args.insert(args.end(), extra.begin(), extra.end());
  return run_dossier(dir.path(), args);
}

fs::path fixture(std::string_view kind, std::string_view name) {
  return fs::path(DOSSIER_SOURCE_DIR) / "tests" / "sites" / kind / name;
}

fs::path sample_content() {
  return fs::path(DOSSIER_SOURCE_DIR) / "content";
}

fs::path copy_fixture(const TempDir& dir, std::string_view kind, std::string_view name) {
  fs::path source = fixture(kind, name);
  if (!fs::is_directory(source)) throw std::runtime_error("no fixture " + source.string());
  fs::path target = dir / "content";
  fs::copy(source, target, fs::copy_options::recursive);
  return target;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& path, std::string_view data) {
  if (path.has_parent_path()) fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::vector<std::string> list_files(const fs::path& root) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) out.push_back(fs::relative(e.path(), root).generic_string());
  std::sort(out.begin(), out.end());
  return out;
}

std::map<std::string, std::string> hash_tree(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& rel : list_files(root)) out[rel] = sha256_hex(read_file(root / rel));
  return out;
}

testing::AssertionResult Contains(std::string_view text, std::string_view part) {
  if (text.find(part) != std::string_view::npos) return testing::AssertionSuccess();
  return testing::AssertionFailure() << "'" << part << "' not found in:\n" << text;
}

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(start, end - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(std::move(line));
    start = end + 1;
  }
  return out;
}

// `path:line:col: severity: message [code]` (or `path: severity: ...`).
static bool is_diagnostic_line(std::string_view line) {
  if (line.empty() || line.front() == ' ' || !line.ends_with(']')) return false;
  size_t open = line.rfind(" [");
  if (open == std::string_view::npos || open + 3 >= line.size()) return false;
  std::string_view code = line.substr(open + 2, line.size() - open - 3);
  if (!std::all_of(code.begin(), code.end(),
                   [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; }))
    return false;
  for (std::string_view severity : {": error: ", ": warning: ", ": note: "})
    if (line.find(severity) != std::string_view::npos) return true;
  return false;
}

std::vector<std::string> diagnostic_lines(std::string_view output) {
  std::vector<std::string> out;
  for (auto& line : lines_of(output))
    if (is_diagnostic_line(line)) out.push_back(line);
  return out;
}

// --- HTML -------------------------------------------------------------------

namespace {

void collect(const GumboNode* node, std::vector<const GumboNode*>& out) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return;
  out.push_back(node);
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i)
    collect(static_cast<const GumboNode*>(children.data[i]), out);
}

void collect_text(const GumboNode* node, std::string& out) {
  switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
      out += node->v.text.text;
      break;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: {
      const GumboVector& children = node->v.element.children;
      for (unsigned i = 0; i < children.length; ++i)
        collect_text(static_cast<const GumboNode*>(children.data[i]), out);
      break;
    }
    default:
      break;
  }
}

}  // namespace

HtmlPage::HtmlPage(std::string html)
    : html_(std::move(html)),
      output_(gumbo_parse_with_options(&kGumboDefaultOptions, html_.data(), html_.size())) {}

HtmlPage::~HtmlPage() {
  gumbo_destroy_output(&kGumboDefaultOptions, output_);
}

const GumboNode* HtmlPage::root() const {
  return output_->root;
}

std::vector<const GumboNode*> HtmlPage::elements() const {
  return descendants(output_->root);
}

std::vector<const GumboNode*> HtmlPage::select(std::string_view tag_name,
                                               const GumboNode* under) const {
  std::vector<const GumboNode*> out;
  for (const GumboNode* e : descendants(under ? under : output_->root))
    if (tag(e) == tag_name) out.push_back(e);
  return out;
}

std::vector<const GumboNode*> HtmlPage::select_class(std::string_view tag_name,
                                                     std::string_view cls,
                                                     const GumboNode* under) const {
  std::vector<const GumboNode*> out;
  for (const GumboNode* e : select(tag_name, under)) {
    std::istringstream classes(attr(e, "class").value_or(""));
    for (std::string c; classes >> c;)
      if (c == cls) {
        out.push_back(e);
        break;
      }
  }
  return out;
}

const GumboNode* HtmlPage::by_id(std::string_view id) const {
  for (const GumboNode* e : elements())
    if (attr(e, "id") == std::string(id)) return e;
  return nullptr;
}

std::vector<const GumboNode*> HtmlPage::links_with_text(std::string_view text_part,
                                                        const GumboNode* under) const {
  std::vector<const GumboNode*> out;
  for (const GumboNode* a : select("a", under))
    if (text(a).find(text_part) != std::string::npos) out.push_back(a);
  return out;
}

std::vector<const GumboNode*> HtmlPage::links_named(std::string_view name,
                                                    const GumboNode* under) const {
  std::vector<const GumboNode*> out;
  for (const GumboNode* a : select("a", under))
    if (text(a) == name) out.push_back(a);
  return out;
}

std::string HtmlPage::title() const {
  auto titles = select("title");
  return titles.empty() ? "" : text(titles.front());
}

std::string HtmlPage::main_text() const {
  auto mains = select("main");
  return mains.empty() ? "" : text(mains.front());
}

std::string HtmlPage::tag(const GumboNode* element) {
  const GumboElement& e = element->v.element;
  if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
  GumboStringPiece original = e.original_tag;
  gumbo_tag_from_original_text(&original);
  std::string name(original.data ? original.data : "", original.length);
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name;
}

std::optional<std::string> HtmlPage::attr(const GumboNode* element, std::string_view name) {
  const GumboAttribute* a =
      gumbo_get_attribute(&element->v.element.attributes, std::string(name).c_str());
  if (!a) return std::nullopt;
  return std::string(a->value);
}

std::string HtmlPage::text(const GumboNode* node) {
  std::string out;
  collect_text(node, out);
  return out;
}

std::vector<const GumboNode*> HtmlPage::descendants(const GumboNode* node) {
  std::vector<const GumboNode*> out;
  collect(node, out);
  return out;
}

const GumboNode* HtmlPage::closest(const GumboNode* node, std::string_view tag_name) {
  for (; node && (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE);
       node = node->parent)
    if (tag(node) == tag_name) return node;
  return nullptr;
}

std::vector<SitePage> load_pages(const fs::path& site) {
  std::vector<SitePage> out;
  for (const auto& rel : list_files(site))
    if (rel.ends_with(".html"))
      out.push_back({rel, std::make_unique<HtmlPage>(read_file(site / rel))});
  return out;
}

std::optional<std::string> resolve_href(std::string_view page, std::string_view href) {
  href = href.substr(0, href.find_first_of("#?"));
  std::vector<std::string> parts;
  size_t slash = page.rfind('/');
  std::string joined = slash == std::string_view::npos
                           ? std::string(href)
                           : std::string(page.substr(0, slash + 1)) + std::string(href);
  size_t start = 0;
  while (start <= joined.size()) {
    size_t end = joined.find('/', start);
    if (end == std::string::npos) end = joined.size();
    std::string part = joined.substr(start, end - start);
    if (part == "..") {
      if (parts.empty()) return std::nullopt;
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string fragment_of(std::string_view href) {
  size_t hash = href.find('#');
  return hash == std::string_view::npos ? "" : std::string(href.substr(hash + 1));
}

std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(cell));
      cell.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      row.push_back(std::move(cell));
      cell.clear();
      rows.push_back(std::move(row));
      row.clear();
      ++i;
    } else {
      cell += c;
    }
  }
  if (!cell.empty() || !row.empty()) {
    row.push_back(std::move(cell));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace dossier::e2e
