// RealFileSystem (std::filesystem) and MemoryFileSystem.
#include "base/file_system.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace dossier {

namespace fs = std::filesystem;

static bool is_hidden(const fs::path& p) {
  auto name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

static bool is_within(const fs::path& root, const fs::path& target) {
  auto r = root.lexically_normal().string(), t = target.lexically_normal().string();
  return t == r || (t.starts_with(r) && (r.ends_with("/") || t[r.size()] == '/'));
}

std::vector<TreeEntry> RealFileSystem::list_tree(const std::string& dir) const {
  std::vector<TreeEntry> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  fs::path root = fs::canonical(dir, ec);
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const auto& entry = *it;
    if (is_hidden(entry.path())) {
      if (entry.is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    auto rel = entry.path().lexically_relative(dir).generic_string();
    if (entry.is_symlink(ec)) {
      fs::path target = fs::canonical(entry.path(), ec);
      if (ec || !is_within(root, target)) {
        out.push_back({rel, TreeEntry::Kind::kOutsideLink});
        ec.clear();
        continue;
      }
      if (fs::is_directory(target)) continue;  // linked folders inside the tree are walked as-is
    }
    if (entry.is_regular_file(ec)) out.push_back({rel, TreeEntry::Kind::kFile});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return out;
}

std::string without_trailing_slashes(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

Result<std::string> RealFileSystem::read_file(const std::string& path) const {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error("cannot read " + path + ": " + std::strerror(errno));
  std::string data;
  in.seekg(0, std::ios::end);
  auto size = in.tellg();
  if (size > 0) {
    data.resize(static_cast<size_t>(size));
    in.seekg(0);
    in.read(data.data(), size);
  }
  if (in.bad()) return Status::error("cannot read " + path + ": read error");
  return data;
}

// The read goes on in the background: the file is in memory by the time
// read_file asks for it, where a cold disk would have kept a core waiting.
void RealFileSystem::prefetch(const std::string& path) const {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED);
  ::close(fd);
}

bool RealFileSystem::is_file(const std::string& path) const {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

bool RealFileSystem::is_directory(const std::string& path) const {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

static std::string with_slash(const std::string& dir) {
  return dir.empty() || dir.ends_with('/') ? dir : dir + "/";
}

std::vector<TreeEntry> MemoryFileSystem::list_tree(const std::string& dir) const {
  std::vector<TreeEntry> out;
  std::string prefix = with_slash(dir);
  for (const auto& [path, content] : files_) {
    if (!path.starts_with(prefix)) continue;
    std::string rel = path.substr(prefix.size());
    bool hidden = rel.starts_with('.') || rel.find("/.") != std::string::npos;
    if (!hidden) out.push_back({rel, TreeEntry::Kind::kFile});
  }
  return out;
}

Result<std::string> MemoryFileSystem::read_file(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return Status::error("cannot read " + path + ": No such file");
  return it->second;
}

bool MemoryFileSystem::is_file(const std::string& path) const {
  return files_.contains(path);
}

bool MemoryFileSystem::is_directory(const std::string& path) const {
  std::string prefix = with_slash(path);
  return std::any_of(files_.begin(), files_.end(),
                     [&](const auto& f) { return f.first.starts_with(prefix); });
}

}  // namespace dossier
