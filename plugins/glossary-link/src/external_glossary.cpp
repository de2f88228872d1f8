#include "external_glossary.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <pugixml.hpp>

namespace docpipe::glossary_link {
namespace {

std::string trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<std::string> split_aliases(std::string_view s) {
  std::vector<std::string> out;
  std::size_t b = 0;
  while (b <= s.size()) {
    std::size_t e = s.find('|', b);
    if (e == std::string_view::npos) e = s.size();
    std::string a = trim(s.substr(b, e - b));
    if (!a.empty()) out.push_back(std::move(a));
    b = e + 1;
  }
  return out;
}

}  // namespace

std::vector<GlossaryEntry> parse_glossary_tsv(std::string_view text, const std::string& origin) {
  std::vector<GlossaryEntry> out;
  std::size_t pos = 0, line_no = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    const std::string trimmed = trim(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    std::vector<std::string_view> cols;
    for (std::size_t b = 0;;) {
      const std::size_t t = line.find('\t', b);
      cols.push_back(line.substr(b, t == std::string_view::npos ? std::string_view::npos : t - b));
      if (t == std::string_view::npos) break;
      b = t + 1;
    }
    if (out.empty() && line_no <= 1 && trim(cols[0]) == "term") continue;  // header
    GlossaryEntry e;
    e.term = trim(cols[0]);
    if (e.term.empty()) throw std::runtime_error(origin + ":" + std::to_string(line_no) + ": entry without a term");
    if (cols.size() > 1) e.definition = trim(cols[1]);
    if (cols.size() > 2) e.aliases = split_aliases(cols[2]);
    e.origin = origin;
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<GlossaryEntry> parse_glossary_xml(std::string_view text, const std::string& origin) {
  pugi::xml_document xml;
  const pugi::xml_parse_result ok = xml.load_buffer(text.data(), text.size());
  if (!ok)
    throw std::runtime_error(origin + ": malformed XML at byte " + std::to_string(ok.offset) + ": " + ok.description());
  std::vector<GlossaryEntry> out;
  for (const pugi::xpath_node& node : xml.select_nodes("//entry")) {
    const pugi::xml_node entry = node.node();
    GlossaryEntry e;
    e.term = trim(entry.attribute("term") ? entry.attribute("term").value() : entry.child_value("term"));
    if (e.term.empty())
      throw std::runtime_error(origin + ": <entry> at byte " + std::to_string(entry.offset_debug()) + " has no term");
    e.definition = trim(entry.attribute("definition") ? entry.attribute("definition").value()
                                                      : entry.child("definition").text().get());
    if (entry.attribute("aliases")) e.aliases = split_aliases(entry.attribute("aliases").value());
    for (const pugi::xml_node alias : entry.children("alias")) {
      std::string a = trim(alias.text().get());
      if (!a.empty()) e.aliases.push_back(std::move(a));
    }
    e.origin = origin;
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<GlossaryEntry> load_external_glossary(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("glossary-link: cannot read external glossary " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  const std::string text = s.str();
  const std::string origin = path.filename().string();
  std::size_t first = text.find_first_not_of(" \t\r\n");
  if (text.substr(0, 3) == "\xEF\xBB\xBF") first = text.find_first_not_of(" \t\r\n", 3);
  const bool xml = path.extension() == ".xml" || (first != std::string::npos && text[first] == '<');
  return xml ? parse_glossary_xml(text, origin) : parse_glossary_tsv(text, origin);
}

}  // namespace docpipe::glossary_link
