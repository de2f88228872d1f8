#pragma once
// An independent RFC 4180 reader for the tests (strict: a stray quote is an error), so the writer is
// checked against the standard rather than against itself.

#include <string>
#include <string_view>
#include <vector>

namespace csv_test {

/// One record: its fields.
using Record = std::vector<std::string>;

/// Parses @p content (records end with CRLF; fields may be quoted and then hold commas, quotes
/// doubled, CR and LF). Throws std::runtime_error on malformed input.
std::vector<Record> parse(std::string_view content);

}  // namespace csv_test
