#include "csv_reader.hpp"

#include <stdexcept>

namespace csv_test {

std::vector<Record> parse(std::string_view in) {
  std::vector<Record> records;
  Record record;
  std::string field;
  std::size_t i = 0;
  auto end_field = [&] {
    record.push_back(std::move(field));
    field.clear();
  };
  while (i < in.size()) {
    if (in[i] == '"') {
      ++i;
      for (;;) {
        if (i >= in.size()) throw std::runtime_error("unterminated quoted field");
        if (in[i] == '"') {
          if (i + 1 < in.size() && in[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += in[i++];
      }
      if (i < in.size() && in[i] != ',' && in[i] != '\r') throw std::runtime_error("text after a closing quote");
    } else {
      while (i < in.size() && in[i] != ',' && in[i] != '\r') {
        if (in[i] == '"' || in[i] == '\n') throw std::runtime_error("quote or LF in an unquoted field");
        field += in[i++];
      }
    }
    if (i >= in.size()) throw std::runtime_error("last record lacks CRLF");
    if (in[i] == ',') {
      end_field();
      ++i;
      continue;
    }
    if (in.substr(i, 2) != "\r\n") throw std::runtime_error("CR without LF");
    end_field();
    records.push_back(std::move(record));
    record.clear();
    i += 2;
  }
  return records;
}

}  // namespace csv_test
