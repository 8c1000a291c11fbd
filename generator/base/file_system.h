// FileSystem: the read side of file access behind a small interface, so the
// load stage can be tested against an in-memory tree (MemoryFileSystem).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/status.h"

namespace dossier {

struct TreeEntry {
  enum class Kind { kFile, kOutsideLink };  // kOutsideLink: a symlink leaving the tree
  std::string path;                         // relative to the listed root, '/'-separated
  Kind kind = Kind::kFile;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // Every regular file below `dir`, sorted by path; hidden files and folders
  // (".git", ".DS_Store") are skipped. Empty when `dir` does not exist.
  virtual std::vector<TreeEntry> list_tree(const std::string& dir) const = 0;
  virtual Result<std::string> read_file(const std::string& path) const = 0;
  virtual bool is_file(const std::string& path) const = 0;
  virtual bool is_directory(const std::string& path) const = 0;
  // Asks the system to start reading `path`, which read_file will read
  // soon: a hint that does nothing where it cannot be followed.
  virtual void prefetch(const std::string& /*path*/) const {}
};

class RealFileSystem final : public FileSystem {
 public:
  std::vector<TreeEntry> list_tree(const std::string& dir) const override;
  Result<std::string> read_file(const std::string& path) const override;
  bool is_file(const std::string& path) const override;
  bool is_directory(const std::string& path) const override;
  void prefetch(const std::string& path) const override;  // posix_fadvise(WILLNEED)
};

// `path` without slashes at its end ("/" stays "/").
std::string without_trailing_slashes(std::string path);

// An in-memory tree for unit tests: paths are '/'-separated.
class MemoryFileSystem final : public FileSystem {
 public:
  void add(const std::string& path, std::string content) { files_[path] = std::move(content); }
  std::vector<TreeEntry> list_tree(const std::string& dir) const override;
  Result<std::string> read_file(const std::string& path) const override;
  bool is_file(const std::string& path) const override;
  bool is_directory(const std::string& path) const override;

 private:
  std::map<std::string, std::string> files_;
};

}  // namespace dossier
