// The server's view of a built site. A build replaces the site folder in
// one rename (publish/site_writer.h), so each build is a *generation*: the
// folder opened once, its manifest's hashes (ETags that stay the same across
// builds when a file does not change), its 404 page as served, and searchers
// over its index. A request uses one generation from start to end, so a
// rebuild can never mix two builds in one answer; LiveSite notices the swap
// and moves on.
#pragma once

#include <sys/types.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "search/searcher.h"

namespace dossier {

class SiteGeneration {
 public:
  // Opens the folder at `site_dir` as it is now.
  static Result<std::shared_ptr<SiteGeneration>> open(const std::string& site_dir);
  ~SiteGeneration();
  SiteGeneration(const SiteGeneration&) = delete;
  SiteGeneration& operator=(const SiteGeneration&) = delete;

  ino_t inode() const { return inode_; }
  int dir_fd() const { return dir_fd_; }
  // The SHA-256 the manifest gives for `path` (relative), or null.
  const std::string* sha256(const std::string& path) const;
  // The site's 404.html with <base href="/">, or null when it has none. Read
  // at the first call, then kept. Thread-safe.
  const std::string* not_found_page() const;

  // Searches this generation's index. Thread-safe: each call borrows a
  // searcher of its own (Xapian databases are not shared between threads).
  Result<SearchResponse> search(const SearchRequest& request, SearchQueryError* query_error);
  // Opens a searcher and reads what every search needs into memory, so the
  // first search does not wait for it. Does nothing for a site without an
  // index (its searches say so).
  void prepare_search();

 private:
  SiteGeneration(std::string site_dir, int dir_fd, ino_t inode);
  Result<std::unique_ptr<Searcher>> take_searcher();
  void give_back(std::unique_ptr<Searcher> searcher);

  std::string site_dir_;  // for messages
  int dir_fd_;
  ino_t inode_;
  std::unordered_map<std::string, std::string> hashes_;
  mutable std::once_flag not_found_once_;
  mutable std::optional<std::string> not_found_page_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Searcher>> idle_;
  std::shared_ptr<const MatchValues> values_;  // shared by this generation's searchers
};

// The generation now at a path: reopened when a build has swapped a new
// folder in (its inode changed). Thread-safe.
class LiveSite {
 public:
  explicit LiveSite(std::string site_dir) : site_dir_(std::move(site_dir)) {}
  Result<std::shared_ptr<SiteGeneration>> current();
  const std::string& dir() const { return site_dir_; }

 private:
  std::string site_dir_;
  std::mutex mutex_;
  std::shared_ptr<SiteGeneration> generation_;
};

}  // namespace dossier
