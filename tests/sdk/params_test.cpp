#include <catch2/catch.hpp>

#include "docpipe/params.hpp"

using namespace docpipe;

TEST_CASE("check_param says what is allowed") {
  ParamSpec threads{"threads", ParamType::integer, "1", false, 1, 64, {}, "worker threads"};
  CHECK(check_param(threads, "8").empty());
  CHECK(check_param(threads, "0") == "expected an integer from 1 to 64, got '0'");
  CHECK(check_param(threads, "1.5") == "expected an integer from 1 to 64, got '1.5'");
  ParamSpec ratio{"ratio", ParamType::number, "0.5", false, 0, 1, {}, ""};
  CHECK(check_param(ratio, "0.25").empty());
  CHECK_FALSE(check_param(ratio, "nan").empty());
  ParamSpec script{"script", ParamType::choice, "keep", false, {}, {}, {"keep", "t2s", "s2t"}, ""};
  CHECK(check_param(script, "t2s").empty());
  CHECK(check_param(script, "x") == "expected one of keep, t2s, s2t, got 'x'");
  ParamSpec flag{"flag", ParamType::boolean, "false", false, {}, {}, {}, ""};
  CHECK(check_param(flag, "yes").empty());
  CHECK(check_param(flag, "maybe") == "expected true or false, got 'maybe'");
}

TEST_CASE("ParamValues converts typed values") {
  ParamValues v;
  v.set("n", "42");
  v.set("b", "true");
  CHECK(v.get_int("n") == 42);
  CHECK(v.get_bool("b"));
  CHECK_THROWS_AS(v.get_bool("n"), std::invalid_argument);
  CHECK_THROWS_AS(v.get("missing"), std::out_of_range);
}
