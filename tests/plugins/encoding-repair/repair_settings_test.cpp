#include <catch2/catch.hpp>

#include "repair_settings.hpp"

using namespace encoding_repair;

TEST_CASE("settings read the validated parameters, missing ones keep their defaults") {
  docpipe::ParamValues p;
  p.set("encoding", "big5");
  p.set("min-confidence", "0.8");
  p.set("strip-html", "false");
  p.set("script", "t2s");
  const RepairSettings s = RepairSettings::from(p);
  CHECK(s.encoding == "big5");
  CHECK(s.min_confidence == Approx(0.8));
  CHECK_FALSE(s.strip_html);
  CHECK(s.script == "t2s");
  CHECK(s.repair_mojibake);
  CHECK_FALSE(s.restore_fullwidth);
}

TEST_CASE("a malformed value is an error, not a silent default") {
  docpipe::ParamValues p;
  p.set("restore-fullwidth", "maybe");
  CHECK_THROWS(RepairSettings::from(p));
}
