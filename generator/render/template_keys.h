// Template value names as ctemplate static strings: their ids are computed
// once, so filling a dictionary takes no lock (a plain string key would
// look its id up in ctemplate's global, locked map on every call).
#pragma once

#include <ctemplate/template_string.h>

namespace dossier::keys {

static const ::ctemplate::StaticTemplateString k_aliases = STS_INIT(k_aliases, "aliases");
static const ::ctemplate::StaticTemplateString k_as_of = STS_INIT(k_as_of, "as_of");
static const ::ctemplate::StaticTemplateString k_attention = STS_INIT(k_attention, "attention");
static const ::ctemplate::StaticTemplateString k_attention_more =
    STS_INIT(k_attention_more, "attention_more");
static const ::ctemplate::StaticTemplateString k_attention_total =
    STS_INIT(k_attention_total, "attention_total");
static const ::ctemplate::StaticTemplateString k_body_parts = STS_INIT(k_body_parts, "body_parts");
static const ::ctemplate::StaticTemplateString k_html = STS_INIT(k_html, "html");
static const ::ctemplate::StaticTemplateString k_box = STS_INIT(k_box, "box");
static const ::ctemplate::StaticTemplateString k_cards = STS_INIT(k_cards, "cards");
static const ::ctemplate::StaticTemplateString k_child_reports =
    STS_INIT(k_child_reports, "child_reports");
static const ::ctemplate::StaticTemplateString k_children = STS_INIT(k_children, "children");
static const ::ctemplate::StaticTemplateString k_content = STS_INIT(k_content, "content");
static const ::ctemplate::StaticTemplateString k_count = STS_INIT(k_count, "count");
static const ::ctemplate::StaticTemplateString k_csv_href = STS_INIT(k_csv_href, "csv_href");
static const ::ctemplate::StaticTemplateString k_current = STS_INIT(k_current, "current");
static const ::ctemplate::StaticTemplateString k_date = STS_INIT(k_date, "date");
static const ::ctemplate::StaticTemplateString k_depth = STS_INIT(k_depth, "depth");
static const ::ctemplate::StaticTemplateString k_description =
    STS_INIT(k_description, "description");
static const ::ctemplate::StaticTemplateString k_due = STS_INIT(k_due, "due");
static const ::ctemplate::StaticTemplateString k_has_aliases =
    STS_INIT(k_has_aliases, "has_aliases");
static const ::ctemplate::StaticTemplateString k_has_cards = STS_INIT(k_has_cards, "has_cards");
static const ::ctemplate::StaticTemplateString k_has_children =
    STS_INIT(k_has_children, "has_children");
static const ::ctemplate::StaticTemplateString k_has_description =
    STS_INIT(k_has_description, "has_description");
static const ::ctemplate::StaticTemplateString k_has_due = STS_INIT(k_has_due, "has_due");
static const ::ctemplate::StaticTemplateString k_has_items = STS_INIT(k_has_items, "has_items");
static const ::ctemplate::StaticTemplateString k_has_kind = STS_INIT(k_has_kind, "has_kind");
static const ::ctemplate::StaticTemplateString k_has_links = STS_INIT(k_has_links, "has_links");
static const ::ctemplate::StaticTemplateString k_has_owner = STS_INIT(k_has_owner, "has_owner");
static const ::ctemplate::StaticTemplateString k_has_regulations =
    STS_INIT(k_has_regulations, "has_regulations");
static const ::ctemplate::StaticTemplateString k_has_status = STS_INIT(k_has_status, "has_status");
static const ::ctemplate::StaticTemplateString k_home = STS_INIT(k_home, "home");
static const ::ctemplate::StaticTemplateString k_href = STS_INIT(k_href, "href");
static const ::ctemplate::StaticTemplateString k_id = STS_INIT(k_id, "id");
static const ::ctemplate::StaticTemplateString k_is_issue = STS_INIT(k_is_issue, "is_issue");
static const ::ctemplate::StaticTemplateString k_is_measure = STS_INIT(k_is_measure, "is_measure");
static const ::ctemplate::StaticTemplateString k_issue_list = STS_INIT(k_issue_list, "issue_list");
static const ::ctemplate::StaticTemplateString k_issued = STS_INIT(k_issued, "issued");
static const ::ctemplate::StaticTemplateString k_issuer = STS_INIT(k_issuer, "issuer");
static const ::ctemplate::StaticTemplateString k_issues = STS_INIT(k_issues, "issues");
static const ::ctemplate::StaticTemplateString k_issues_count =
    STS_INIT(k_issues_count, "issues_count");
static const ::ctemplate::StaticTemplateString k_items = STS_INIT(k_items, "items");
static const ::ctemplate::StaticTemplateString k_kind = STS_INIT(k_kind, "kind");
static const ::ctemplate::StaticTemplateString k_label = STS_INIT(k_label, "label");
static const ::ctemplate::StaticTemplateString k_lang = STS_INIT(k_lang, "lang");
static const ::ctemplate::StaticTemplateString k_latest = STS_INIT(k_latest, "latest");
static const ::ctemplate::StaticTemplateString k_ledger_href =
    STS_INIT(k_ledger_href, "ledger_href");
static const ::ctemplate::StaticTemplateString k_links = STS_INIT(k_links, "links");
static const ::ctemplate::StaticTemplateString k_measure_list =
    STS_INIT(k_measure_list, "measure_list");
static const ::ctemplate::StaticTemplateString k_measures = STS_INIT(k_measures, "measures");
static const ::ctemplate::StaticTemplateString k_measures_count =
    STS_INIT(k_measures_count, "measures_count");
static const ::ctemplate::StaticTemplateString k_nav = STS_INIT(k_nav, "nav");
static const ::ctemplate::StaticTemplateString k_no_links = STS_INIT(k_no_links, "no_links");
static const ::ctemplate::StaticTemplateString k_no_measures =
    STS_INIT(k_no_measures, "no_measures");
static const ::ctemplate::StaticTemplateString k_no_regulations =
    STS_INIT(k_no_regulations, "no_regulations");
static const ::ctemplate::StaticTemplateString k_no_topics = STS_INIT(k_no_topics, "no_topics");
static const ::ctemplate::StaticTemplateString k_none = STS_INIT(k_none, "none");
static const ::ctemplate::StaticTemplateString k_other_report =
    STS_INIT(k_other_report, "other_report");
static const ::ctemplate::StaticTemplateString k_owner = STS_INIT(k_owner, "owner");
static const ::ctemplate::StaticTemplateString k_parent = STS_INIT(k_parent, "parent");
static const ::ctemplate::StaticTemplateString k_reg_status_label =
    STS_INIT(k_reg_status_label, "reg_status_label");
static const ::ctemplate::StaticTemplateString k_page_kind = STS_INIT(k_page_kind, "page_kind");
static const ::ctemplate::StaticTemplateString k_regulations =
    STS_INIT(k_regulations, "regulations");
static const ::ctemplate::StaticTemplateString k_regulations_count =
    STS_INIT(k_regulations_count, "regulations_count");
static const ::ctemplate::StaticTemplateString k_report_date =
    STS_INIT(k_report_date, "report_date");
static const ::ctemplate::StaticTemplateString k_report_href =
    STS_INIT(k_report_href, "report_href");
static const ::ctemplate::StaticTemplateString k_report_title =
    STS_INIT(k_report_title, "report_title");
static const ::ctemplate::StaticTemplateString k_reports = STS_INIT(k_reports, "reports");
static const ::ctemplate::StaticTemplateString k_reports_count =
    STS_INIT(k_reports_count, "reports_count");
static const ::ctemplate::StaticTemplateString k_rows = STS_INIT(k_rows, "rows");
static const ::ctemplate::StaticTemplateString k_self = STS_INIT(k_self, "self");
static const ::ctemplate::StaticTemplateString k_site_description =
    STS_INIT(k_site_description, "site_description");
static const ::ctemplate::StaticTemplateString k_site_title = STS_INIT(k_site_title, "site_title");
static const ::ctemplate::StaticTemplateString k_slug = STS_INIT(k_slug, "slug");
static const ::ctemplate::StaticTemplateString k_status = STS_INIT(k_status, "status");
static const ::ctemplate::StaticTemplateString k_status_label =
    STS_INIT(k_status_label, "status_label");
static const ::ctemplate::StaticTemplateString k_statuses = STS_INIT(k_statuses, "statuses");
static const ::ctemplate::StaticTemplateString k_summary = STS_INIT(k_summary, "summary");
static const ::ctemplate::StaticTemplateString k_superseded_by =
    STS_INIT(k_superseded_by, "superseded_by");
static const ::ctemplate::StaticTemplateString k_supersedes = STS_INIT(k_supersedes, "supersedes");
static const ::ctemplate::StaticTemplateString k_table = STS_INIT(k_table, "table");
static const ::ctemplate::StaticTemplateString k_search = STS_INIT(k_search, "search");
static const ::ctemplate::StaticTemplateString k_theme = STS_INIT(k_theme, "theme");
static const ::ctemplate::StaticTemplateString k_title = STS_INIT(k_title, "title");
static const ::ctemplate::StaticTemplateString k_topics = STS_INIT(k_topics, "topics");
static const ::ctemplate::StaticTemplateString k_units = STS_INIT(k_units, "units");
static const ::ctemplate::StaticTemplateString k_units_count =
    STS_INIT(k_units_count, "units_count");
static const ::ctemplate::StaticTemplateString k_unregistered =
    STS_INIT(k_unregistered, "unregistered");
static const ::ctemplate::StaticTemplateString k_with_report =
    STS_INIT(k_with_report, "with_report");
static const ::ctemplate::StaticTemplateString k_year = STS_INIT(k_year, "year");
static const ::ctemplate::StaticTemplateString k_year_href = STS_INIT(k_year_href, "year_href");
static const ::ctemplate::StaticTemplateString k_years = STS_INIT(k_years, "years");

}  // namespace dossier::keys
