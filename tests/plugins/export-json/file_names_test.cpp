#include <catch2/catch.hpp>

#include "docpipe/export/file_names.hpp"
#include "docpipe/utf8.hpp"

using docpipe::exporting::safe_file_stem;

TEST_CASE("safe ids are kept as they are") {
  CHECK(safe_file_stem("congtai_2024") == "congtai_2024");
  CHECK(safe_file_stem("reports__叢臺區 2024") == "reports__叢臺區 2024");
}

TEST_CASE("unsafe ids are sanitized and made unique with a hash") {
  const std::string a = safe_file_stem("../evil/id:1");
  CHECK(a.find('/') == std::string::npos);
  CHECK(a.find(':') == std::string::npos);
  CHECK(a.rfind("_._evil_id_1-", 0) == 0);  // the leading dot replaced, an inner one kept
  CHECK(a.size() == std::string("_._evil_id_1-").size() + 8);
  CHECK(safe_file_stem("a/b") != safe_file_stem("a:b"));  // same sanitized text, different hash
  CHECK(safe_file_stem("a/b") == safe_file_stem("a/b"));  // stable
  CHECK(safe_file_stem("") != "");
  CHECK(safe_file_stem("bad\xff" "byte").find('\xff') == std::string::npos);
}

TEST_CASE("long ids are cut on a code point boundary") {
  std::string id;
  for (int i = 0; i < 100; ++i) id += "叢";
  const std::string stem = safe_file_stem(id);
  CHECK(stem.size() <= 180 + 9);
  CHECK(docpipe::utf8::is_valid(stem));
}
