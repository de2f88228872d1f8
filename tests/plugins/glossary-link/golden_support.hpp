#pragma once
// Test helpers: reading shared files and rendering a document's glossary layer as line-per-item JSON
// that a person can check against the source text.

#include <fstream>
#include <sstream>
#include <string>

#include "docpipe/document.hpp"
#include "docpipe/utf8.hpp"
#include "json_text.hpp"

namespace glossary_test {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string shared(const std::string& relative) { return std::string(DOCPIPE_SHARED_DIR) + "/" + relative; }

inline std::string golden_path(const std::string& name) {
  return std::string(DOCPIPE_SOURCE_DIR) + "/tests/plugins/glossary-link/golden/" + name + ".json";
}

// The first @p n code points of @p s.
inline std::string prefix(const std::string& s, std::size_t n) {
  std::size_t pos = 0;
  for (std::size_t i = 0; i < n && pos < s.size(); ++i) docpipe::utf8::next(s, pos);
  return s.substr(0, pos);
}

inline std::string render(const docpipe::Document& doc, const std::string& source) {
  using docpipe::glossary_link::json_string;
  const docpipe::CodepointIndex cp(doc.text);
  std::string out = "{\n  \"source\": " + json_string(source) + ",\n  \"entries\": [\n";
  const auto& g = doc.glossary;
  for (std::size_t i = 0; i < g.entries.size(); ++i) {
    const auto& e = g.entries[i];
    out += "    {\"index\": " + std::to_string(i) + ", \"number\": " + std::to_string(e.number) +
           ", \"term\": " + json_string(e.term) + ", \"aliases\": [";
    for (std::size_t k = 0; k < e.aliases.size(); ++k) out += (k ? ", " : "") + json_string(e.aliases[k]);
    out += "], \"definition_starts\": " + json_string(prefix(e.definition, 16)) +
           ", \"definition_chars\": " + std::to_string(docpipe::utf8::length(e.definition)) +
           ", \"origin\": " + json_string(e.origin) + "}" + (i + 1 < g.entries.size() ? "," : "") + "\n";
  }
  out += "  ],\n  \"links\": [\n";
  for (std::size_t i = 0; i < g.links.size(); ++i) {
    const auto& l = g.links[i];
    out += "    {\"kind\": " + json_string(l.kind) + ", \"entry\": " + std::to_string(l.entry) +
           ", \"text\": " + json_string(l.span.of(doc.text)) + ", \"at\": " + std::to_string(cp.to_codepoint(l.span.begin)) +
           "}" + (i + 1 < g.links.size() ? "," : "") + "\n";
  }
  out += "  ],\n  \"unresolved\": [\n";
  for (std::size_t i = 0; i < g.unresolved.size(); ++i) {
    const auto& u = g.unresolved[i];
    out += "    {\"marker\": " + json_string(u.marker) + ", \"number\": " + std::to_string(u.number) +
           ", \"at\": " + std::to_string(cp.to_codepoint(u.span.begin)) + "}" + (i + 1 < g.unresolved.size() ? "," : "") + "\n";
  }
  out += "  ],\n  \"diagnostics\": [\n";
  for (std::size_t i = 0; i < doc.diagnostics.size(); ++i) {
    const auto& d = doc.diagnostics[i];
    out += "    {\"code\": " + json_string(d.code) + ", \"message\": " + json_string(d.message) + "}" +
           (i + 1 < doc.diagnostics.size() ? "," : "") + "\n";
  }
  out += "  ]\n}\n";
  return out;
}

}  // namespace glossary_test
