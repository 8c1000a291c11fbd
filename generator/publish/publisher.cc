// Publishing a built site into a folder: reading both sides, the plan, then
// its steps (docs/publish.md, "Order"), each recorded in the journal; the
// test hook that kills a publish at a given step.
#include "publish/publisher.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <limits>
#include <memory>
#include <ostream>
#include <set>

#include "base/file_system.h"
#include "base/site_paths.h"
#include "build.h"  // ExitCode
#include "publish/file_ops.h"
#include "publish/manifest.h"
#include "publish/publish_journal.h"
#include "publish/publish_lock.h"
#include "publish/publish_plan.h"

namespace dossier {

namespace {

namespace fs = std::filesystem;

// Stands in for a new page until the page itself is renamed into place: no
// links, and it reloads itself.
constexpr std::string_view kPlaceholderPage =
    "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\">"
    "<meta http-equiv=\"refresh\" content=\"3\"><title>正在发布</title></head>\n"
    "<body><p>此页正在发布，请稍后刷新。This page is being published; it reloads in a "
    "moment.</p></body>\n</html>\n";

// Test hook (tests/e2e/publish_share_test.cc): with
// DOSSIER_TEST_PUBLISH_KILL_AT_STEP=N the process ends in its Nth change to
// the target folder as a kill would (exit status 137): a copy after half of
// its bytes, any other change before it is made.
class KillSwitch {
 public:
  KillSwitch() {
    if (const char* at = std::getenv("DOSSIER_TEST_PUBLISH_KILL_AT_STEP")) at_ = std::atol(at);
  }
  // Counts a change; true when it is the one to die in.
  bool now() { return at_ > 0 && ++steps_ == at_; }
  [[noreturn]] static void die() { ::_exit(137); }

 private:
  long at_ = 0, steps_ = 0;
};

// The site being published: its manifest, parsed and as bytes.
struct Site {
  Manifest manifest;
  std::string manifest_text;
};

// What the target folder holds, read before anything changes.
struct Target {
  TargetState state;
  std::string manifest_text;  // its manifest.json; "" when none
  bool has_journal = false;   // a publish did not finish
};

// Whether folder `a` is `b` or inside it.
bool is_within(const std::string& a, const std::string& b) {
  std::error_code ec;
  auto absolute = [&](const std::string& p) {
    return without_trailing_slashes(fs::weakly_canonical(fs::absolute(p), ec).string()) + "/";
  };
  return absolute(a).starts_with(absolute(b));
}

// The site must be a built site; the target neither it, nor in it, nor
// holding it.
Status check_folders(const PublishOptions& o) {
  if (!is_dossier_site(o.site_dir))
    return Status::error(o.site_dir +
                         " is not a built site (no manifest.json): run dossier build first");
  if (is_within(o.site_dir, o.target_dir) || is_within(o.target_dir, o.site_dir))
    return Status::error("the site folder " + o.site_dir + " and the folder " + o.target_dir +
                         " to publish into must not contain each other");
  return Status::ok();
}

Result<Site> read_site(const std::string& dir) {
  std::string path = dir + "/" + std::string(site_path::kManifest);
  auto text = RealFileSystem().read_file(path);
  if (!text.is_ok()) return text.status();
  auto manifest = parse_manifest(text.value());
  if (!manifest.is_ok()) return manifest.status().with_context(path);
  return Site{std::move(manifest.value()), std::move(text.value())};
}

// The state the target's manifest.json (read into t.manifest_text)
// describes: none when it is not dossier's (refused before, unless --force)
// or, with --force, invalid.
Status read_target_manifest(const PublishOptions& o, Target& t) {
  std::string path = o.target_dir + "/" + std::string(site_path::kManifest);
  if (!is_dossier_manifest(t.manifest_text)) return Status::ok();
  auto manifest = parse_manifest(t.manifest_text);
  if (manifest.is_ok()) {
    t.state = state_from_manifest(&manifest.value());
  } else if (!o.force) {
    return Status::error(path + ": " + manifest.status().message() +
                         "; --force publishes over it, removing none of the files it lists");
  }
  return Status::ok();
}

Status read_target_journal(const std::string& dir, Target& t) {
  std::string path = dir + "/" + std::string(kJournalName);
  auto text = RealFileSystem().read_file(path);
  if (!text.is_ok()) return Status::ok();
  t.has_journal = true;
  if (Status s = apply_journal(text.value(), t.state); !s.is_ok())
    return Status::error(path + ":" + s.message() +
                         "; remove it to publish (the files it lists are then left in place)");
  return Status::ok();
}

// Files a publish that did not finish may have replaced: read back those
// that have the size the site gives them (any other size cannot be its).
void read_back(const std::string& dir, const Manifest& site, TargetState& state) {
  for (const auto& f : site.files) {
    if (!state.rewritten.contains(f.path)) continue;
    std::string path = dir + "/" + f.path;
    if (regular_file_size(path) != f.size) continue;
    auto digest = digest_file(path);
    if (digest.is_ok()) state.known[f.path] = digest.value();
  }
}

// Whether a folder holds nothing but the lock of the publish under way.
bool holds_nothing(const std::string& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().filename() != kLockName) return false;
  return true;
}

// What the target folder holds; it is there (PublishLock::take made it).
Result<Target> read_target(const PublishOptions& o) {
  const std::string& dir = o.target_dir;
  std::error_code ec;
  Target t;
  auto manifest = RealFileSystem().read_file(dir + "/" + std::string(site_path::kManifest));
  if (manifest.is_ok()) t.manifest_text = std::move(manifest.value());
  bool ours =
      is_dossier_manifest(t.manifest_text) || fs::exists(dir + "/" + std::string(kJournalName), ec);
  if (!ours && !holds_nothing(dir) && !o.force)
    return Status::error("refusing to publish into " + dir +
                         ": it is not empty and not a dossier site (no manifest.json); --force "
                         "publishes into it and leaves its other files alone");
  if (Status s = read_target_manifest(o, t); !s.is_ok()) return s;
  if (Status s = read_target_journal(dir, t); !s.is_ok()) return s;
  return t;
}

// Carries out a plan, step by step (docs/publish.md, "Order").
class Publisher {
 public:
  Publisher(const std::string& site, const std::string& target, const std::string& manifest_text)
      : site_(site), target_(target), manifest_text_(manifest_text) {}

  Status run(const Target& t, const PublishPlan& plan);
  // Whether the folder may have changed as visitors see it.
  bool changed_target() const { return changed_; }
  size_t removed() const { return removed_; }

 private:
  Status remove_unfinished(const std::set<std::string>& paths);
  Status copy_to_temp(const ManifestEntry& file);
  Status write_placeholder(const std::string& page);
  Status install(const ManifestEntry& file);
  Status remove_stale(const std::string& path);
  Status write_manifest(const std::string& current);
  bool discard_temps();
  Status make_folders(std::string_view path);

  std::string in_site(std::string_view rel) const { return site_ + "/" + std::string(rel); }
  std::string in_target(std::string_view rel) const { return target_ + "/" + std::string(rel); }

  const std::string& site_;
  const std::string& target_;
  const std::string& manifest_text_;
  std::unique_ptr<JournalWriter> journal_;
  KillSwitch kill_;
  std::set<std::string> temps_;    // temporary files written, not yet renamed
  std::set<std::string> folders_;  // folders known to be there (a share answers slowly)
  bool changed_ = false;
  size_t removed_ = 0;
};

Status Publisher::run(const Target& t, const PublishPlan& plan) {
  auto journal = JournalWriter::open(target_);
  if (!journal.is_ok()) return journal.status();
  journal_ = std::move(journal.value());
  Status s = remove_unfinished(t.state.temps);
  for (size_t i = 0; s.is_ok() && i < plan.copy.size(); ++i) s = copy_to_temp(plan.copy[i]);
  changed_ = s.is_ok();
  for (size_t i = 0; s.is_ok() && i < plan.placeholders.size(); ++i)
    s = write_placeholder(plan.placeholders[i]);
  for (size_t i = 0; s.is_ok() && i < plan.copy.size(); ++i) s = install(plan.copy[i]);
  for (size_t i = 0; s.is_ok() && i < plan.remove.size(); ++i) s = remove_stale(plan.remove[i]);
  if (s.is_ok()) s = write_manifest(t.manifest_text);
  if (s.is_ok() && kill_.now()) KillSwitch::die();
  if (s.is_ok()) return journal_->remove();
  // Cut before any rename: with its temporary files gone, nothing of this
  // run is left but its journal, unless an earlier publish needs it.
  if (discard_temps() && !changed_ && !t.has_journal) (void)journal_->remove();
  return s;
}

// Temporary files a publish that did not finish left (the journal names
// them), and the manifest's.
Status Publisher::remove_unfinished(const std::set<std::string>& paths) {
  std::vector<std::string> temps;
  for (const auto& path : paths) temps.push_back(temp_path_for(path));
  temps.push_back(temp_path_for(site_path::kManifest));
  for (const auto& temp : temps) {
    if (!regular_file_size(in_target(temp))) continue;
    if (kill_.now()) KillSwitch::die();
    auto removed = remove_file_and_empty_folders(target_, temp);
    if (!removed.is_ok()) return removed.status();
  }
  return Status::ok();
}

Status Publisher::copy_to_temp(const ManifestEntry& file) {
  std::string temp = temp_path_for(file.path);
  if (Status s = journal_->temp(file.path); !s.is_ok()) return s;
  if (Status s = make_folders(file.path); !s.is_ok()) return s;
  bool die = kill_.now();
  temps_.insert(temp);
  auto copied = copy_file_hashed(in_site(file.path), in_target(temp),
                                 die ? file.size / 2 : std::numeric_limits<uint64_t>::max());
  if (die) KillSwitch::die();
  if (!copied.is_ok()) return copied.status();
  if (!(copied.value() == file.digest()))
    return Status::error(in_site(file.path) + " is not what " + in_site(site_path::kManifest) +
                         " says: was the site rebuilt meanwhile? Publish again");
  return Status::ok();
}

Status Publisher::write_placeholder(const std::string& page) {
  if (Status s = journal_->write(page); !s.is_ok()) return s;
  if (kill_.now()) KillSwitch::die();
  Status s = create_new_file(in_target(page), kPlaceholderPage);
  // Something already there (another writer) serves as well as a placeholder.
  if (!s.is_ok() && !regular_file_size(in_target(page))) return s;
  return Status::ok();
}

Status Publisher::install(const ManifestEntry& file) {
  if (Status s = journal_->write(file.path); !s.is_ok()) return s;
  if (kill_.now()) KillSwitch::die();
  std::string temp = temp_path_for(file.path);
  if (Status s = rename_file(in_target(temp), in_target(file.path)); !s.is_ok()) return s;
  temps_.erase(temp);
  return Status::ok();
}

// Only a regular file: dossier wrote none of anything else.
Status Publisher::remove_stale(const std::string& path) {
  if (!regular_file_size(in_target(path))) return Status::ok();
  if (kill_.now()) KillSwitch::die();
  auto removed = remove_file_and_empty_folders(target_, path);
  if (!removed.is_ok()) return removed.status();
  if (removed.value()) ++removed_;
  return Status::ok();
}

// The site's manifest.json byte for byte, last: it says the publish is done.
Status Publisher::write_manifest(const std::string& current) {
  if (current == manifest_text_) return Status::ok();
  std::string temp = in_target(temp_path_for(site_path::kManifest));
  if (kill_.now()) {
    (void)write_whole_file(temp,
                           std::string_view(manifest_text_).substr(0, manifest_text_.size() / 2));
    KillSwitch::die();
  }
  if (Status s = write_whole_file(temp, manifest_text_); !s.is_ok()) return s;
  if (kill_.now()) KillSwitch::die();
  return rename_file(temp, in_target(site_path::kManifest));
}

// The folders of `path` in the target.
Status Publisher::make_folders(std::string_view path) {
  std::string folder(path.substr(0, path.rfind('/') + 1));
  if (folder.empty() || folders_.contains(folder)) return Status::ok();
  if (Status s = create_parent_folders(target_, path); !s.is_ok()) return s;
  folders_.insert(folder);
  return Status::ok();
}

// After a failure: the temporary files this run wrote and did not rename.
// Returns whether all went.
bool Publisher::discard_temps() {
  bool all = true;
  for (const auto& temp : temps_) all &= remove_file_and_empty_folders(target_, temp).is_ok();
  temps_.clear();
  return all;
}

bool nothing_to_do(const Site& site, const Target& target, const PublishPlan& plan) {
  return plan.copy.empty() && plan.remove.empty() && !target.has_journal &&
         target.manifest_text == site.manifest_text;
}

// Publishes; returns what it removed.
Result<size_t> publish(const PublishOptions& o, const Site& site, const Target& target,
                       const PublishPlan& plan, std::ostream& err) {
  Publisher publisher(o.site_dir, o.target_dir, site.manifest_text);
  Status s = publisher.run(target, plan);
  if (s.is_ok()) return publisher.removed();
  err << "dossier: " << s.message() << '\n';
  if (publisher.changed_target())
    return Status::error(
        "publish failed: " + o.target_dir +
        " is a browsable site, but not this one yet; publish again to complete it");
  return Status::error("publish failed: " + o.target_dir + " holds what it held before");
}

}  // namespace

int run_publish(const PublishOptions& options, std::ostream& out, std::ostream& err) {
  PublishOptions o = options;
  o.site_dir = without_trailing_slashes(o.site_dir);
  o.target_dir = without_trailing_slashes(o.target_dir);
  auto fail = [&err](int code, const Status& s) {
    err << "dossier: " << s.message() << '\n';
    return code;
  };
  if (Status s = check_folders(o); !s.is_ok()) return fail(kExitUsage, s);
  auto site = read_site(o.site_dir);
  if (!site.is_ok()) return fail(kExitInternal, site.status());
  // One publish at a time: the folder is read and written under the lock.
  auto lock = PublishLock::take(o.target_dir, err);
  if (!lock.is_ok()) return fail(kExitInternal, lock.status());
  auto target = read_target(o);
  if (!target.is_ok()) return fail(kExitInternal, target.status());
  read_back(o.target_dir, site.value().manifest, target.value().state);
  PublishPlan plan = plan_publish(
      site.value().manifest, target.value().state,
      [&](const std::string& rel) { return regular_file_size(o.target_dir + "/" + rel); });
  size_t removed = 0;
  if (!nothing_to_do(site.value(), target.value(), plan)) {
    auto published = publish(o, site.value(), target.value(), plan, err);
    if (!published.is_ok()) return fail(kExitInternal, published.status());
    removed = published.value();
  }
  out << "published " << site.value().manifest.files.size() << " files to " << options.target_dir
      << ": " << plan.copy.size() << " copied, " << plan.unchanged << " unchanged, " << removed
      << " removed\n";
  return kExitOk;
}

}  // namespace dossier
