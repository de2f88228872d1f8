#include <catch2/catch.hpp>

#include <random>

#include "csv_field.hpp"
#include "csv_reader.hpp"

using docpipe::exporting::Cell;

namespace {
std::string field(std::string_view s) {
  std::string out;
  export_csv::append_field(out, s);
  return out;
}
}  // namespace

TEST_CASE("fields are quoted only when RFC 4180 requires it") {
  CHECK(field("plain 文字") == "plain 文字");
  CHECK(field("a,b") == "\"a,b\"");
  CHECK(field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(field("two\r\nlines") == "\"two\r\nlines\"");
  CHECK(field("lf\nonly") == "\"lf\nonly\"");
  CHECK(field(" padded") == "\" padded\"");
  CHECK(field("") == "");
}

TEST_CASE("cells: NULL is empty, numbers as in JSON, text as a field") {
  std::string out;
  const Cell cells[] = {Cell(), Cell(42LL), Cell(6.4), Cell(34170000000.0), Cell(std::string_view("x,y")),
                        Cell(std::numeric_limits<double>::quiet_NaN())};
  export_csv::append_record(out, cells);
  CHECK(out == ",42,6.4,34170000000,\"x,y\",\r\n");
}

TEST_CASE("any field list survives a round trip through an independent RFC 4180 reader") {
  std::mt19937 rng(5);
  const std::string pieces[] = {"a", ",", "\"", "\r", "\n", "\r\n", " ", "叢", "😀", "\t"};
  for (int round = 0; round < 500; ++round) {
    std::vector<std::string> fields(1 + rng() % 5);
    std::vector<Cell> cells;
    for (auto& f : fields) {
      for (int n = static_cast<int>(rng() % 6); n > 0; --n) f += pieces[rng() % std::size(pieces)];
    }
    for (const auto& f : fields) cells.emplace_back(std::string_view(f));
    std::string out;
    export_csv::append_record(out, cells);
    const auto records = csv_test::parse(out);
    INFO("round " << round);
    REQUIRE(records.size() == 1);
    CHECK(records[0] == fields);
  }
}
