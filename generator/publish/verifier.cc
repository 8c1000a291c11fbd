// Verifying a published folder against its manifest.json, and printing the
// result as text or JSON.
#include "publish/verifier.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <set>

#include <nlohmann/json.hpp>

#include "base/file_system.h"
#include "base/site_paths.h"
#include "build.h"  // ExitCode
#include "publish/file_ops.h"
#include "publish/publish_journal.h"
#include "publish/publish_lock.h"

namespace dossier {

namespace {

namespace fs = std::filesystem;

// Checks one listed file: missing, changed, or (true) as listed.
Result<bool> check_file(const std::string& dir, const ManifestEntry& entry, VerifyReport& report) {
  std::string path = dir + "/" + entry.path;
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    report.missing.push_back(entry.path);
    return false;
  }
  FileDigest actual{static_cast<uint64_t>(st.st_size), ""};
  if (S_ISREG(st.st_mode)) {
    auto digest = digest_file(path);
    if (!digest.is_ok()) return digest.status();
    actual = digest.value();
  }
  if (actual == entry.digest()) return true;
  report.changed.push_back({entry.path, entry.digest(), actual});
  return false;
}

// Every file below `dir` (not folders) that `listed` does not hold.
Status find_extra(const std::string& dir, const std::set<std::string>& listed,
                  VerifyReport& report) {
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_symlink() && it->is_directory()) continue;
    std::string rel = it->path().lexically_relative(dir).generic_string();
    if (!listed.contains(rel)) report.extra.push_back(rel);
  }
  if (ec) return Status::error("cannot read the folders of " + dir + ": " + ec.message());
  std::sort(report.extra.begin(), report.extra.end());
  return Status::ok();
}

// A path as one line of text: control characters and '\' escaped, so that
// no file name can make up lines of the report.
std::string printable(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    if (c >= 0x20 && c != 0x7f && c != '\\') {
      out += static_cast<char>(c);
      continue;
    }
    static const char* kHex = "0123456789abcdef";
    out += c == '\\' ? std::string("\\\\") : std::string("\\x") + kHex[c >> 4] + kHex[c & 15];
  }
  return out;
}

nlohmann::ordered_json digest_json(const FileDigest& d) {
  return {
      {"size", d.size},
      {"sha256", d.sha256.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(d.sha256)}};
}

}  // namespace

Result<VerifyReport> verify_site(const std::string& dir, const Manifest& manifest,
                                 std::string_view manifest_text) {
  VerifyReport report;
  report.manifest_sha256 = sha256_hex(manifest_text);
  report.generator = manifest.generator;
  report.checked = manifest.files.size();
  // Not extra either: the lock of a publish under way, or left by a killed
  // one (no file of the site, and the next publish removes it).
  std::set<std::string> listed = {std::string(site_path::kManifest), std::string(kLockName)};
  for (const auto& entry : manifest.files) {
    listed.insert(entry.path);
    auto checked = check_file(dir, entry, report);
    if (!checked.is_ok()) return checked.status();
  }
  if (Status s = find_extra(dir, listed, report); !s.is_ok()) return s;
  report.unfinished_publish =
      std::find(report.extra.begin(), report.extra.end(), kJournalName) != report.extra.end();
  return report;
}

void print_verify_text(const VerifyReport& r, const std::string& dir, std::ostream& out) {
  out << "manifest.json sha256 " << r.manifest_sha256 << " (" << r.generator << ", " << r.checked
      << " files)\n";
  for (const auto& path : r.missing) out << "missing  " << printable(path) << '\n';
  for (const auto& c : r.changed) out << "changed  " << printable(c.path) << '\n';
  for (const auto& path : r.extra) out << "extra    " << printable(path) << '\n';
  size_t match = r.checked - r.missing.size() - r.changed.size();
  out << "checked " << r.checked << " files in " << printable(dir) << ": " << match << " match, "
      << r.missing.size() << " missing, " << r.changed.size() << " changed, " << r.extra.size()
      << " extra\n";
}

std::string verify_json(const VerifyReport& r, const std::string& dir) {
  nlohmann::ordered_json changed = nlohmann::ordered_json::array();
  for (const auto& c : r.changed)
    changed.push_back({{"path", c.path},
                       {"expected", digest_json(c.expected)},
                       {"actual", digest_json(c.actual)}});
  nlohmann::ordered_json doc = {
      {"dir", dir},
      {"manifest",
       {{"sha256", r.manifest_sha256}, {"generator", r.generator}, {"files", r.checked}}},
      {"checked", r.checked},
      {"match", r.checked - r.missing.size() - r.changed.size()},
      {"missing", r.missing},
      {"changed", changed},
      {"extra", r.extra},
      {"unfinished_publish", r.unfinished_publish},
      {"ok", r.ok()}};
  // A name that is not UTF-8 must not make the report fail.
  return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

int run_verify(const std::string& folder, bool json, std::ostream& out, std::ostream& err) {
  std::string dir = without_trailing_slashes(folder);
  std::string manifest_path = dir + "/" + std::string(site_path::kManifest);
  std::error_code ec;
  if (!fs::is_regular_file(manifest_path, ec)) {
    err << "dossier: " << dir << " is not a published site (no manifest.json)\n";
    return kExitUsage;
  }
  auto text = RealFileSystem().read_file(manifest_path);
  if (!text.is_ok()) {
    err << "dossier: " << text.status().message() << '\n';
    return kExitInternal;
  }
  auto manifest = parse_manifest(text.value());
  if (!manifest.is_ok()) {
    err << "dossier: " << manifest_path << ": " << manifest.status().message() << '\n';
    return kExitContent;
  }
  auto report = verify_site(dir, manifest.value(), text.value());
  if (!report.is_ok()) {
    err << "dossier: " << report.status().message() << '\n';
    return kExitInternal;
  }
  if (json) {
    out << verify_json(report.value(), dir);
  } else {
    print_verify_text(report.value(), dir, out);
  }
  if (report.value().unfinished_publish)
    err << "dossier: a publish into " << dir << " did not finish (" << kJournalName
        << " is there): publish again to complete it\n";
  return report.value().ok() ? kExitOk : kExitContent;
}

}  // namespace dossier
