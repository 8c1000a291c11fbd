// manifest.json: writing, parsing and checking it; SHA-256 of data and files.
#include "publish/manifest.h"

#include <openssl/evp.h>

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "base/file_system.h"
#include "base/site_paths.h"
#include "publish/site_writer.h"  // check_output_path

namespace dossier {

std::string manifest_json(const std::vector<ManifestEntry>& files) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& e : files)
    list.push_back({{"path", e.path}, {"size", e.size}, {"sha256", e.sha256}});
  nlohmann::ordered_json manifest = {{"generator", "dossier " DOSSIER_VERSION}, {"files", list}};
  return manifest.dump(1) + "\n";
}

namespace {

bool is_sha256_hex(const std::string& s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

// The entries of the "files" list, each with the three fields it needs.
Result<std::vector<ManifestEntry>> parse_entries(const nlohmann::json& files) {
  if (!files.is_array()) return Status::error("\"files\" is not a list");
  std::vector<ManifestEntry> out;
  for (const auto& f : files) {
    bool ok = f.is_object() && f.contains("path") && f["path"].is_string() && f.contains("size") &&
              f["size"].is_number_unsigned() && f.contains("sha256") && f["sha256"].is_string() &&
              is_sha256_hex(f["sha256"].get<std::string>());
    if (!ok)
      return Status::error("entry " + std::to_string(out.size() + 1) +
                           " of \"files\" is not a path, a size and a SHA-256");
    out.push_back(
        {f["path"].get<std::string>(), f["size"].get<uint64_t>(), f["sha256"].get<std::string>()});
  }
  return out;
}

std::string fold_case(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// Each path once, also ignoring case; each an output path; not manifest.json.
Status check_paths(const std::vector<ManifestEntry>& files) {
  std::map<std::string, const std::string*> folded;
  for (const auto& e : files) {
    auto [it, fresh] = folded.emplace(fold_case(e.path), &e.path);
    if (fresh) continue;
    if (*it->second == e.path) return Status::error("lists " + e.path + " twice");
    return Status::error("lists " + *it->second + " and " + e.path +
                         ", which differ only in case: they would be one file on a Windows share");
  }
  for (const auto& e : files) {
    if (Status s = check_output_path(e.path); !s.is_ok()) return s;
    if (e.path == site_path::kManifest) return Status::error("lists manifest.json itself");
  }
  return Status::ok();
}

}  // namespace

Result<Manifest> parse_manifest(std::string_view text) {
  auto doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return Status::error("not a JSON object");
  if (!doc.contains("generator") || !doc["generator"].is_string() ||
      !doc["generator"].get<std::string>().starts_with("dossier"))
    return Status::error("not written by dossier (no \"generator\": \"dossier ...\")");
  if (!doc.contains("files")) return Status::error("no \"files\" list");
  auto files = parse_entries(doc["files"]);
  if (!files.is_ok()) return files.status();
  Manifest m{doc["generator"].get<std::string>(), std::move(files.value())};
  std::sort(m.files.begin(), m.files.end(),
            [](const ManifestEntry& a, const ManifestEntry& b) { return a.path < b.path; });
  if (Status s = check_paths(m.files); !s.is_ok()) return s;
  return m;
}

bool is_dossier_site(const std::string& dir) {
  auto text = RealFileSystem().read_file(dir + "/" + std::string(site_path::kManifest));
  return text.is_ok() && is_dossier_manifest(text.value());
}

bool is_dossier_manifest(std::string_view text) {
  auto doc = nlohmann::json::parse(text, nullptr, false);
  if (!doc.is_object() || !doc.contains("generator")) return false;
  const auto& generator = doc["generator"];
  return generator.is_string() && generator.get<std::string>().starts_with("dossier");
}

Sha256::Sha256() : context_(EVP_MD_CTX_new()) {
  EVP_DigestInit_ex(context_, EVP_sha256(), nullptr);
}

Sha256::~Sha256() {
  EVP_MD_CTX_free(context_);
}

void Sha256::update(std::string_view data) {
  EVP_DigestUpdate(context_, data.data(), data.size());
}

std::string Sha256::hex() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(context_, digest, &length);
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

std::string sha256_hex(std::string_view data) {
  Sha256 hash;
  hash.update(data);
  return hash.hex();
}

}  // namespace dossier
