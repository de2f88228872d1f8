#pragma once
// The compact outline the golden files hold: one line per section,
// `<indent><level> <kind> [<label>] <title>`, so a reviewer can check it against the report by eye.

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "docpipe/document.hpp"

namespace section_split_test {

inline std::string outline(const docpipe::Document& doc) {
  std::ostringstream out;
  out << "title: " << doc.metadata.title << "\n";
  out << "date: " << doc.metadata.date << "\n";
  out << "meeting: " << doc.metadata.meeting << "\n";
  out << "region: " << doc.metadata.region << "\n";
  out << "year: " << doc.metadata.year << "\n";
  for (const auto& s : doc.sections) {
    out << std::string(std::size_t(2 * (s.level - 1)), ' ') << s.level << ' ' << s.kind << " [" << s.label << "] "
        << s.title << "\n";
  }
  return out.str();
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline docpipe::Document document_from(const std::string& path) {
  docpipe::Document doc;
  doc.id = path;
  doc.raw = read_file(path);
  doc.text = doc.raw;
  return doc;
}

}  // namespace section_split_test
