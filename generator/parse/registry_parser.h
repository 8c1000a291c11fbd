// Registry parsers: regulations, units and topics (SPEC §2.2), each a small
// Markdown file whose front matter holds the fields and whose body is the
// description; and site.yaml, the archive settings.
#pragma once

#include <memory>
#include <string>

#include "base/diagnostics.h"
#include "base/source_text.h"
#include "model/archive.h"

namespace dossier {

Regulation parse_regulation(std::shared_ptr<const SourceText> src, std::string slug,
                            Diagnostics& diags);
Unit parse_unit(std::shared_ptr<const SourceText> src, std::string slug, Diagnostics& diags);
Topic parse_topic(std::shared_ptr<const SourceText> src, std::string slug, Diagnostics& diags);
SiteSettings parse_site_settings(const SourceText& src, Diagnostics& diags);

}  // namespace dossier
