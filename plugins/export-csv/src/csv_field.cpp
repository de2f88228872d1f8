#include "csv_field.hpp"

#include <cmath>
#include <variant>

#include "docpipe/export/json_writer.hpp"

namespace export_csv {

void append_field(std::string& out, std::string_view text) {
  const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) {
    out.append(text);
    return;
  }
  out += '"';
  std::size_t from = 0;
  for (std::size_t q = text.find('"'); q != std::string_view::npos; q = text.find('"', from)) {
    out.append(text.substr(from, q + 1 - from));
    out += '"';
    from = q + 1;
  }
  out.append(text.substr(from));
  out += '"';
}

void append_cell(std::string& out, const docpipe::exporting::Cell& cell) {
  switch (cell.index()) {
    case 0: break;
    case 1: docpipe::json::append_integer(out, std::get<long long>(cell)); break;
    case 2: {
      const double v = std::get<double>(cell);
      // A non-finite number is unknown: an empty field, like NULL (JSON writes null).
      if (std::isfinite(v)) docpipe::json::append_number(out, v);
      break;
    }
    default: append_field(out, std::get<std::string_view>(cell));
  }
}

void append_record(std::string& out, std::span<const docpipe::exporting::Cell> cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    append_cell(out, cells[i]);
  }
  out += "\r\n";
}

}  // namespace export_csv
