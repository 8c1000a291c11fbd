// Site renderer: writes every page, ledger.csv, sitemap.xml, the theme's
// static files and the content's assets into the staging site, in parallel.
#pragma once

#include "base/file_system.h"
#include "base/parallel.h"
#include "base/status.h"
#include "model/archive.h"
#include "publish/site_writer.h"
#include "render/theme.h"

namespace dossier {

Status render_site(const Archive& archive, const Theme& theme, const FileSystem& fs,
                   SiteWriter& out, int jobs, bool progress);

}  // namespace dossier
