#include <catch2/catch.hpp>

#include "docpipe/export/document_json.hpp"
#include "sample_documents.hpp"
#include "test_support.hpp"

// The golden file was checked by hand against the fixture's text (see golden/README.md); any change
// of the export's bytes for this document shows up here.
TEST_CASE("the pretty export of the traditional-script fixture matches the hand-checked golden file") {
  const std::string golden =
      test_support::read_file(DOCPIPE_SOURCE_DIR "/tests/plugins/export-json/golden/congtai_2024.json");
  REQUIRE_FALSE(golden.empty());
  CHECK(docpipe::exporting::document_to_json(fixtures::traditional(), true) + "\n" == golden);
}
