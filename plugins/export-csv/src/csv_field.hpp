#pragma once

#include <span>
#include <string>
#include <string_view>

#include "docpipe/export/tables.hpp"

namespace export_csv {

/// Appends @p text as one RFC 4180 field: quoted (with inner quotes doubled) only when it holds a
/// comma, a quote, CR or LF, or starts or ends with a space that a reader might trim.
void append_field(std::string& out, std::string_view text);

/// Appends one cell: NULL as an empty field, numbers in the JSON number form (integers without a
/// fraction, others shortest round-trip), text via append_field().
void append_cell(std::string& out, const docpipe::exporting::Cell& cell);

/// Appends the cells as one record terminated by CRLF.
void append_record(std::string& out, std::span<const docpipe::exporting::Cell> cells);

}  // namespace export_csv
