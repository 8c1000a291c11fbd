// Opening a site generation, its manifest hashes, its 404 page, its
// searcher pool, and noticing a rebuild's swap.
#include "serve/site_generation.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "base/file_system.h"
#include "base/site_paths.h"
#include "publish/manifest.h"
#include "serve/site_file.h"

namespace dossier {

namespace {

// The open folder's path: this generation's files, even after a build has
// swapped another folder in at the site's path.
std::string pinned_path(int dir_fd) {
  return "/proc/self/fd/" + std::to_string(dir_fd);
}

// The manifest's path → SHA-256; empty when it cannot be read (ETags then
// fall back to size and time).
std::unordered_map<std::string, std::string> read_hashes(int dir_fd) {
  std::unordered_map<std::string, std::string> out;
  auto text =
      RealFileSystem().read_file(pinned_path(dir_fd) + "/" + std::string(site_path::kManifest));
  if (!text.is_ok()) return out;
  auto manifest = parse_manifest(text.value());
  if (manifest.is_ok())
    for (const ManifestEntry& f : manifest.value().files) out.emplace(f.path, f.sha256);
  return out;
}

}  // namespace

Result<std::shared_ptr<SiteGeneration>> SiteGeneration::open(const std::string& site_dir) {
  int fd = ::open(site_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Status::error("cannot open " + site_dir + ": " + std::strerror(errno));
  struct stat st {};
  if (fstat(fd, &st) != 0) {
    ::close(fd);
    return Status::error("cannot open " + site_dir + ": " + std::strerror(errno));
  }
  std::shared_ptr<SiteGeneration> g(new SiteGeneration(site_dir, fd, st.st_ino));
  g->hashes_ = read_hashes(fd);
  return g;
}

SiteGeneration::SiteGeneration(std::string site_dir, int dir_fd, ino_t inode)
    : site_dir_(std::move(site_dir)), dir_fd_(dir_fd), inode_(inode) {}

SiteGeneration::~SiteGeneration() {
  ::close(dir_fd_);
}

const std::string* SiteGeneration::sha256(const std::string& path) const {
  auto it = hashes_.find(path);
  return it == hashes_.end() ? nullptr : &it->second;
}

const std::string* SiteGeneration::not_found_page() const {
  std::call_once(not_found_once_, [this] {
    int fd = open_in_site(dir_fd_, std::string(site_path::kNotFound));
    if (fd < 0) return;
    struct stat st {};
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      ::close(fd);
      return;
    }
    std::string page;
    if (!SiteFile(fd, static_cast<size_t>(st.st_size)).read_all(&page)) return;
    // Its links are relative to the site's root, which the server serves at
    // "/": a base makes them right at any depth of the missing path.
    if (size_t head = page.find("<head>"); head != std::string::npos)
      page.insert(head + 6, "\n<base href=\"/\">");
    not_found_page_ = std::move(page);
  });
  return not_found_page_ ? &*not_found_page_ : nullptr;
}

Result<std::unique_ptr<Searcher>> SiteGeneration::take_searcher() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Searcher> s = std::move(idle_.back());
      idle_.pop_back();
      return s;
    }
  }
  // Through the open folder, not the path: the index of this generation.
  std::string pinned = pinned_path(dir_fd_);
  auto opened = Searcher::open(pinned);
  if (!opened.is_ok()) {
    std::string message = opened.status().message();
    for (size_t at; (at = message.find(pinned)) != std::string::npos;)
      message.replace(at, pinned.size(), site_dir_);
    return Status::error(message);
  }
  std::unique_ptr<Searcher> searcher = std::move(opened.value());
  std::lock_guard lock(mutex_);  // the first searcher reads the values, the others wait
  if (!values_) values_ = searcher->keep_values();
  searcher->use_values(values_);
  return searcher;
}

Result<SearchResponse> SiteGeneration::search(const SearchRequest& request,
                                              SearchQueryError* query_error) {
  auto searcher = take_searcher();
  if (!searcher.is_ok()) return searcher.status();
  std::unique_ptr<Searcher> mine = std::move(searcher.value());
  Result<SearchResponse> response = mine->search(request, query_error);
  give_back(std::move(mine));
  return response;
}

void SiteGeneration::give_back(std::unique_ptr<Searcher> searcher) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(searcher));
}

void SiteGeneration::prepare_search() {
  if (auto searcher = take_searcher(); searcher.is_ok()) give_back(std::move(searcher.value()));
}

Result<std::shared_ptr<SiteGeneration>> LiveSite::current() {
  struct stat st {};
  bool exists = ::stat(site_dir_.c_str(), &st) == 0;
  std::lock_guard lock(mutex_);
  if (generation_ && (!exists || st.st_ino == generation_->inode())) return generation_;
  auto opened = SiteGeneration::open(site_dir_);
  if (!opened.is_ok()) return opened.status();
  generation_ = opened.value();
  return generation_;
}

}  // namespace dossier
