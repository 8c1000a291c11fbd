// Registry parsers: regulations, units and topics (SPEC §2.2), each a small
// Markdown file whose front matter holds the fields and whose body is the
// description; and site.yaml, the archive settings.
#pragma once

#include <memory>
#include <string>

#include "base/diagnostics.h"
#include "base/source_text.h"
#include "model/archive.h"
#include "parse/body_parser.h"

namespace dossier {

// The front matter; the body waits for parse_registry_body, which needs the
// regulations (its 《…》 citations link to them, regulations' own included).
Regulation parse_regulation(std::shared_ptr<const SourceText> src, std::string slug,
                            Diagnostics& diags);
Unit parse_unit(std::shared_ptr<const SourceText> src, std::string slug, Diagnostics& diags);
Topic parse_topic(std::shared_ptr<const SourceText> src, std::string slug, Diagnostics& diags);

// Parses an entry's body, shown on `page`.
template <typename Entry>
void parse_registry_body(Entry& entry, const std::string& page, const RegulationLookup& regulations,
                         Diagnostics& diags) {
  if (!entry.source) return;
  entry.body = parse_body(*entry.source, entry.body_start.offset, entry.body_start.line,
                          BodyContext{page, regulations, {}}, diags);
}
SiteSettings parse_site_settings(const SourceText& src, Diagnostics& diags);

}  // namespace dossier
