// The search index schema in code: Xapian term prefixes, value slots,
// metadata keys, the BM25 parameters and the files of the search folder.
// docs/search.md explains each; keep the two in step.
#pragma once

#include <string_view>

namespace dossier::search_schema {

// Search folder layout, relative to the site.
inline constexpr std::string_view kXapianDir = "search/xapian";  // the Xapian database
inline constexpr std::string_view kTextDir =
    "search/text";  // normalised texts in pieces, for checks and snippets

// Boolean terms (wdf 0). Text terms are lower case or not Latin, so they
// never start with these upper-case prefixes.
inline constexpr std::string_view kId = "Q";           // Q<key>: one document, replaceable
inline constexpr std::string_view kType = "XT";        // XTreport, XTissue, XTmeasure
inline constexpr std::string_view kUnit = "XU";        // XU<slug>, for each unit and its ancestors
inline constexpr std::string_view kTopic = "XO";       // XO<slug>
inline constexpr std::string_view kYear = "XY";        // XY2023
inline constexpr std::string_view kKind = "XK";        // XK<kind as written>, e.g. XK工作汇报
inline constexpr std::string_view kRegulation = "XR";  // XR<slug>
inline constexpr std::string_view kStatus = "XS";      // XS<status name>, issues and measures

// Value slots.
inline constexpr unsigned kSlotDate = 0;    // YYYYMMDD (sorts as a string)
inline constexpr unsigned kSlotFacets = 1;  // the document's filter terms, each ended by '\n'
// "<offset> <length>" of its text in the pieces, then " <title line>" for an
// item's description read in its report's text (index/text_pieces.h).
inline constexpr unsigned kSlotText = 2;
// What a hit shows: JSON {"key","type","title","url","date","units":[titles]}. A value, not the
// document data, which Xapian compresses document by document (docs/search.md).
inline constexpr unsigned kSlotRecord = 3;

// Database metadata key: JSON of the archive's facet names (units, topics,
// regulations with titles and aliases; kinds; years).
inline constexpr std::string_view kFacetsMetadata = "dossier.facets";
// Metadata key: JSON [[path, bytes], ...] of the text pieces in order; a
// text's offset counts over them all, and no text spans two.
inline constexpr std::string_view kTextMetadata = "dossier.text";
inline constexpr std::string_view kSchemaMetadata = "dossier.schema";
inline constexpr std::string_view kSchemaVersion = "7";

// BM25 as Xapian's BM25Weight(k1, k2, k3, b, min_normlen); the browser
// search computes the same.
inline constexpr double kBm25K1 = 1.0, kBm25K2 = 0.0, kBm25K3 = 1.0, kBm25B = 0.5,
                        kBm25MinNormLen = 0.5;

}  // namespace dossier::search_schema
