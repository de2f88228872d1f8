#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "script_detect.hpp"

using docpipe::html_export::guess_chinese_lang;

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("the script of real reports is recognized") {
  // The seed is the traditional-script Congtai report; Changsha's is simplified.
  CHECK(guess_chinese_lang(read(std::string(DOCPIPE_SHARED_DIR) + "/seed/000_dbdc0dc46ac71758.txt")) == "zh-Hant");
  CHECK(guess_chinese_lang(read(std::string(DOCPIPE_SHARED_DIR) + "/corpus/reports/city_changsha_2024.txt")) == "zh-Hans");
}

TEST_CASE("too little or mixed evidence gives plain zh") {
  CHECK(guess_chinese_lang("這個國家") == "zh");
  CHECK(guess_chinese_lang("這國區發經这国区发经") == "zh");
  CHECK(guess_chinese_lang("") == "zh");
  CHECK(guess_chinese_lang("plain ASCII text with no Chinese at all") == "zh");
}
