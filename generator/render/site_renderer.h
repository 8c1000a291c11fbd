// Site renderer: writes every page, ledger.csv, sitemap.xml, the theme's
// static files and the content's assets into the staging site, in parallel.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/file_system.h"
#include "base/parallel.h"
#include "base/status.h"
#include "model/archive.h"
#include "publish/site_writer.h"
#include "render/pages.h"
#include "render/theme.h"

namespace dossier {

// One file of the site: its path and how to make its bytes.
struct SiteOutput {
  std::string path;
  std::function<Result<std::string>()> make;
  bool page = true;  // listed in sitemap.xml
};

// Every file the site holds, in a fixed order. The functions refer to the
// arguments, which must outlive them.
std::vector<SiteOutput> site_outputs(const Archive& a, const PageRenderer& pages,
                                     const Theme& theme, const FileSystem& fs);

Status render_site(const Archive& archive, const Theme& theme, const FileSystem& fs,
                   SiteWriter& out, int jobs, bool progress);

}  // namespace dossier
