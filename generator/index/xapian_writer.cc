// Writing the Xapian database: documents, shards, compaction, metadata.
#include "index/xapian_writer.h"

#include <filesystem>

#include <xapian.h>
#include <nlohmann/json.hpp>

#include "base/parallel.h"
#include "index/search_schema.h"
#include "index/search_text.h"
#include "index/text_pieces.h"

namespace dossier {

namespace {

namespace fs = std::filesystem;
namespace schema = search_schema;
using Json = nlohmann::ordered_json;

// Documents per shard: Xapian writes many small databases faster than one
// large one, and compacting them is cheap.
constexpr size_t kShardSize = 500;

std::string term(std::string_view prefix, std::string_view value) {
  return std::string(prefix) + std::string(value);
}

// The filter terms of a document, which are also what facets count.
std::vector<std::string> filter_terms(const Archive& a, const SearchDoc& d) {
  std::vector<std::string> out;
  out.push_back(term(schema::kType, search_type_name(d.type)));
  for (int u : d.unit_tree)
    out.push_back(term(schema::kUnit, a.units[static_cast<size_t>(u)].slug));
  for (int t : d.topics) out.push_back(term(schema::kTopic, a.topics[static_cast<size_t>(t)].slug));
  if (d.date) out.push_back(term(schema::kYear, std::to_string(d.date->year)));
  if (!d.kind.empty()) out.push_back(term(schema::kKind, d.kind));
  for (int g : d.regulations)
    out.push_back(term(schema::kRegulation, a.regulations[static_cast<size_t>(g)].slug));
  if (!d.status.empty()) out.push_back(term(schema::kStatus, d.status));
  return out;
}

Xapian::Document make_document(const Archive& a, const SearchDoc& d, size_t text_offset) {
  Xapian::Document doc;
  for (const TermCount& t : search_terms(d.text)) doc.add_term(t.term, t.count);
  doc.add_boolean_term(term(schema::kId, d.key));
  std::string facets;
  for (const std::string& f : filter_terms(a, d)) {
    doc.add_boolean_term(f);
    facets += f + '\n';
  }
  doc.add_value(schema::kSlotFacets, facets);
  doc.add_value(schema::kSlotText, text_range_value(d, text_offset));
  if (d.date) {
    std::string iso = d.date->iso();  // YYYY-MM-DD -> YYYYMMDD
    doc.add_value(schema::kSlotDate, iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2));
  }
  Json units = Json::array();
  for (int u : d.units) units.push_back(a.units[static_cast<size_t>(u)].title);
  Json record = {{"key", d.key}, {"type", search_type_name(d.type)},    {"title", d.title},
                 {"url", d.url}, {"date", d.date ? d.date->iso() : ""}, {"units", units}};
  doc.add_value(schema::kSlotRecord, record.dump());
  return doc;
}

Json named(const std::string& slug, const std::string& title, const std::vector<NameRef>& aliases) {
  Json a = Json::array();
  for (const auto& n : aliases) a.push_back(n.name);
  return {{"slug", slug}, {"title", title}, {"aliases", a}};
}

// The names filters may use, so `dossier search --unit 文旅局` finds a slug.
std::string facets_metadata(const Archive& a, const std::vector<SearchDoc>& docs) {
  Json units = Json::array(), topics = Json::array(), regs = Json::array();
  for (const auto& u : a.units) {
    Json e = named(u.slug, u.title, u.aliases);
    e["parent"] = u.parent_id >= 0 ? a.units[static_cast<size_t>(u.parent_id)].slug : "";
    units.push_back(e);
  }
  for (const auto& t : a.topics) topics.push_back(named(t.slug, t.title, t.aliases));
  for (const auto& g : a.regulations) regs.push_back(named(g.slug, g.title, g.aliases));
  std::vector<std::string> kinds;
  for (const auto& d : docs)
    if (!d.kind.empty() && std::find(kinds.begin(), kinds.end(), d.kind) == kinds.end())
      kinds.push_back(d.kind);
  std::sort(kinds.begin(), kinds.end());
  return Json{{"units", units}, {"topics", topics}, {"regulations", regs}, {"kinds", kinds}}.dump();
}

// Database metadata, key and value: kept by compaction.
using Metadata = std::vector<std::pair<std::string, std::string>>;

// One shard of documents [first, first + kShardSize), with `metadata`
// when given. No termlist table unless the archive asks for an index whose
// documents a program can replace (site.yaml): the build writes the index
// whole, and the table doubles its size and adds a quarter to the build.
Status write_shard(const Archive& a, const std::vector<SearchDoc>& docs,
                   const std::vector<size_t>& offsets, size_t first, const fs::path& dir,
                   const Metadata* metadata) {
  try {
    int flags = Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC;
    if (!a.settings.replaceable_search_index) flags |= Xapian::DB_NO_TERMLIST;
    Xapian::WritableDatabase db(dir.string(), flags);
    for (size_t i = first; i < std::min(docs.size(), first + kShardSize); ++i)
      db.add_document(make_document(a, docs[i], offsets[i]));
    if (metadata)
      for (const auto& [key, value] : *metadata) db.set_metadata(key, value);
    db.commit();
  } catch (const Xapian::Error& e) {
    return Status::error("writing the search index: " + e.get_description());
  }
  return Status::ok();
}

// Records the database's files as part of the site.
Status record_files(const fs::path& db, SiteWriter& out) {
  for (const auto& entry : fs::directory_iterator(db))
    if (entry.is_regular_file())
      if (Status s =
              out.record(std::string(schema::kXapianDir) + "/" + entry.path().filename().string());
          !s.is_ok())
        return s;
  return Status::ok();
}

// Compacts shards 0 to count - 1 into `target` and removes them.
Status compact_shards(size_t count, const fs::path& shards, const fs::path& target,
                      SiteWriter& out) {
  try {
    Xapian::Database all;
    for (size_t k = 0; k < count; ++k)
      all.add_database(Xapian::Database((shards / std::to_string(k)).string()));
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    all.compact(target.string());
  } catch (const Xapian::Error& e) {
    return Status::error("writing the search index: " + e.get_description());
  }
  std::error_code ec;
  fs::remove_all(shards, ec);
  return record_files(target, out);
}

std::future<Status> done(Status s) {
  std::promise<Status> p;
  p.set_value(std::move(s));
  return p.get_future();
}

}  // namespace

std::future<Status> write_xapian_index(const Archive& a, const std::vector<SearchDoc>& docs,
                                       SiteWriter& out, int jobs) {
  // The texts, in pieces; each document's value says where its own is.
  Result<TextPieces> texts = write_text_pieces(docs, out, jobs);
  if (!texts.is_ok()) return done(texts.status());
  const std::vector<size_t>& offsets = texts.value().offsets;

  fs::path staging = out.staging_dir();
  fs::path shards = staging / ".xapian-shards";
  fs::path target = staging / schema::kXapianDir;
  Metadata metadata = {{std::string(schema::kSchemaMetadata), std::string(schema::kSchemaVersion)},
                       {std::string(schema::kFacetsMetadata), facets_metadata(a, docs)},
                       {std::string(schema::kTextMetadata), texts.value().listing}};
  if (docs.empty()) {
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    if (Status s = write_shard(a, docs, offsets, 0, target, &metadata); !s.is_ok()) return done(s);
    return done(record_files(target, out));
  }
  size_t count = (docs.size() + kShardSize - 1) / kShardSize;
  std::error_code ec;
  fs::create_directories(shards, ec);
  if (ec) return done(Status::error("cannot create " + shards.string() + ": " + ec.message()));
  std::vector<Status> results(count, Status::ok());
  parallel_for(count, jobs, [&](size_t k) {
    results[k] = write_shard(a, docs, offsets, k * kShardSize, shards / std::to_string(k),
                             k == 0 ? &metadata : nullptr);
  });
  for (const Status& s : results)
    if (!s.is_ok()) return done(s);
  return std::async(std::launch::async, [count, shards, target, &out] {
    return compact_shards(count, shards, target, out);
  });
}

}  // namespace dossier
