#include "summary_row.hpp"

#include "document_page.hpp"

namespace docpipe::html_export {

SummaryRow summarize(const Document& doc, std::string file) {
  SummaryRow row;
  row.id = doc.id;
  row.file = std::move(file);
  row.title = display_title(doc);
  row.year = doc.metadata.year;
  row.region = doc.metadata.region;
  row.date = doc.metadata.date;
  row.encoding = doc.encoding.name;
  row.sections = doc.sections.size();
  row.numbers = doc.numbers.size();
  row.indicators = doc.indicators.size();
  row.glossary = doc.glossary.entries.size();
  row.unresolved = doc.glossary.unresolved.size();
  row.repairs = doc.repairs.size();
  for (const Diagnostic& d : doc.diagnostics) row.problems += d.severity != Severity::info;
  return row;
}

}  // namespace docpipe::html_export
