// Staging, writing, manifest and the atomic swap.
#include "publish/site_writer.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>

#include "base/file_system.h"
#include "base/site_paths.h"
#include "publish/file_ops.h"

namespace dossier {

namespace fs = std::filesystem;

// Threads that remove a site's files (the old site after the swap, a
// staging folder left behind): an unlink waits on the file system's journal
// more than it uses a core, and four took a 10,000-report site away in 5.5
// instead of 9.8 s on two cores (docs/performance.md).
constexpr int kRemovalThreads = 4;

namespace {

bool earlier(const timespec& a, const timespec& b) {
  return a.tv_sec < b.tv_sec || (a.tv_sec == b.tv_sec && a.tv_nsec < b.tv_nsec);
}

// Sets the time of the file at `path` to now, again and again, until it
// is later than the time it was written at (a tick of the file system's
// clock, a few milliseconds here; two seconds on some shares). The manifest,
// written after every other file of a build, is so later than all of them
// and than none changed after it, which is how a rebuild tells them apart
// (link_unchanged). Gives up after three seconds: the rebuild then writes
// every file anew.
void stamp_later(const std::string& path) {
  struct stat written {};
  struct stat now {};
  if (::stat(path.c_str(), &written) != 0) return;
  for (int i = 0; i < 3000; ++i) {
    timespec pause{0, 1'000'000};
    nanosleep(&pause, nullptr);
    if (::utimensat(AT_FDCWD, path.c_str(), nullptr, 0) != 0 || ::stat(path.c_str(), &now) != 0)
      return;
    if (earlier(written.st_mtim, now.st_mtim)) return;
  }
}

struct PreviousManifest {
  Manifest manifest;
  timespec written;
};

// The manifest.json of the site in `dir` and when it was written; nullopt
// when there is no valid one.
std::optional<PreviousManifest> read_previous_manifest(const fs::path& dir) {
  std::string path = (dir / site_path::kManifest).string();
  struct stat st {};
  auto text = RealFileSystem().read_file(path);
  if (!text.is_ok() || ::stat(path.c_str(), &st) != 0) return std::nullopt;
  auto manifest = parse_manifest(text.value());
  if (!manifest.is_ok()) return std::nullopt;
  return PreviousManifest{std::move(manifest.value()), st.st_mtim};
}

}  // namespace

Status check_output_path(std::string_view path) {
  if (path.empty()) return Status::error("output path is empty");
  if (path.size() > kMaxOutputPath)
    return Status::error("output path longer than 200 characters: " + std::string(path));
  if (path.front() == '/')
    return Status::error("output path leaves the site folder: " + std::string(path));
  // Checked by parts: "a..b.pdf" is a file name, "a/../b" is not.
  for (size_t start = 0;;) {
    size_t slash = path.find('/', start);
    std::string_view part =
        path.substr(start, slash == std::string_view::npos ? slash : slash - start);
    if (part == "..")
      return Status::error("output path leaves the site folder: " + std::string(path));
    if (part.empty() || part == ".")
      return Status::error("output path has an empty or '.' part: " + std::string(path));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  for (char c : path) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              c == '.' || c == '/';
    if (!ok) return Status::error("output path is not lower-case ASCII: " + std::string(path));
  }
  return Status::ok();
}

Result<std::unique_ptr<SiteWriter>> SiteWriter::create(const std::string& target) {
  std::error_code ec;
  fs::path t = fs::path(target).lexically_normal();
  if (t.filename().empty()) t = t.parent_path();
  std::optional<PreviousManifest> previous;
  if (fs::exists(t, ec)) {
    if (!fs::is_directory(t, ec)) return Status::error(target + " exists and is not a folder");
    previous = read_previous_manifest(t);
    if (!previous && !fs::is_empty(t, ec) && !is_dossier_site(t.string()))
      return Status::error("refusing to replace " + target +
                           ": it is not empty and not a dossier site (no manifest.json)");
  }
  fs::path parent = t.has_parent_path() ? t.parent_path() : fs::path(".");
  fs::create_directories(parent, ec);
  if (ec) return Status::error("cannot create " + parent.string() + ": " + ec.message());
  fs::path staging =
      parent / ("." + t.filename().string() + ".staging-" + std::to_string(getpid()));
  remove_tree(staging.string(), kRemovalThreads);
  fs::create_directory(staging, ec);
  if (ec) return Status::error("cannot create " + staging.string() + ": " + ec.message());
  auto writer = std::unique_ptr<SiteWriter>(new SiteWriter(t.string(), staging.string()));
  if (previous) {
    for (const ManifestEntry& e : previous->manifest.files)
      writer->previous_files_.emplace(e.path, e.digest());
    writer->previous_manifest_time_ = previous->written;
  }
  return writer;
}

SiteWriter::SiteWriter(std::string target, std::string staging)
    : target_(std::move(target)), staging_(std::move(staging)) {}

SiteWriter::~SiteWriter() {
  if (!committed_) {
    remove_tree(staging_, kRemovalThreads);
  }
}

Status SiteWriter::make_parent_dirs(std::string_view path) {
  size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return Status::ok();
  std::string dir(path.substr(0, slash));
  {
    std::lock_guard lock(mutex_);
    if (dirs_.contains(dir)) return Status::ok();
  }
  if (Status s = create_parent_folders(staging_, path); !s.is_ok()) return s;
  std::lock_guard lock(mutex_);
  dirs_.insert(dir);
  return Status::ok();
}

Status SiteWriter::write(std::string_view path, std::string_view data) {
  if (Status s = check_output_path(path); !s.is_ok()) return s;
  if (Status s = make_parent_dirs(path); !s.is_ok()) return s;
  std::string staged = staging_ + "/" + std::string(path);
  ManifestEntry entry{std::string(path), data.size(), sha256_hex(data)};
  if (!link_unchanged(entry, staged))
    if (Status s = replace_file(staged, data); !s.is_ok()) return s;
  std::lock_guard lock(mutex_);
  entries_.push_back(std::move(entry));
  return Status::ok();
}

bool SiteWriter::link_unchanged(const ManifestEntry& entry, const std::string& staged) {
  auto was = previous_files_.find(entry.path);
  if (was == previous_files_.end() || was->second != entry.digest()) return false;
  std::string previous = target_ + "/" + entry.path;
  struct stat st {};
  return ::lstat(previous.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
         static_cast<uint64_t>(st.st_size) == entry.size &&
         earlier(st.st_mtim, previous_manifest_time_) &&
         ::link(previous.c_str(), staged.c_str()) == 0;
}

Status SiteWriter::record(std::string_view path) {
  if (Status s = check_output_path(path); !s.is_ok()) return s;
  auto digest = digest_file(staging_ + "/" + std::string(path));
  if (!digest.is_ok()) return digest.status();
  ManifestEntry entry{std::string(path), digest.value().size, digest.value().sha256};
  std::lock_guard lock(mutex_);
  entries_.push_back(std::move(entry));
  return Status::ok();
}

Status SiteWriter::commit() {
  std::sort(entries_.begin(), entries_.end(),
            [](const ManifestEntry& a, const ManifestEntry& b) { return a.path < b.path; });
  for (size_t i = 1; i < entries_.size(); ++i)
    if (entries_[i].path == entries_[i - 1].path)
      return Status::error("two outputs share the path " + entries_[i].path);
  std::string full = staging_ + "/" + std::string(site_path::kManifest);
  if (Status s = write_whole_file(full, manifest_json(entries_)); !s.is_ok()) return s;
  stamp_later(full);

  std::error_code ec;
  if (!fs::exists(target_, ec)) {
    if (::rename(staging_.c_str(), target_.c_str()) != 0)
      return Status::error("cannot move the new site into " + target_ + ": " +
                           std::strerror(errno));
  } else if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) !=
             0) {
    // No atomic exchange on this file system: two renames instead.
    std::string old = staging_ + ".old";
    if (::rename(target_.c_str(), old.c_str()) != 0)
      return Status::error("cannot replace " + target_ + ": " + std::strerror(errno));
    if (::rename(staging_.c_str(), target_.c_str()) != 0) {
      int err = errno;
      ::rename(old.c_str(), target_.c_str());  // put the old site back
      return Status::error("cannot replace " + target_ + ": " + std::strerror(err));
    }
    remove_tree(old, kRemovalThreads);
    committed_ = true;
    return Status::ok();
  }
  committed_ = true;
  remove_tree(staging_, kRemovalThreads);  // after the exchange it holds the old site
  return Status::ok();
}

}  // namespace dossier
