#include <catch2/catch.hpp>

#include "document_cache.hpp"

using namespace encoding_repair;

TEST_CASE("the cache knows the document's own character pairs") {
  const DocumentCache cache("回车巷历史文化街区。回车巷改造。");
  CHECK(cache.probability(U'回', U'车') == Approx(1.0));
  CHECK(cache.probability(U'巷', U'历') == Approx(0.5));
  CHECK(cache.probability(U'巷', U'改') == Approx(0.5));
  CHECK(cache.probability(U'回', U'国') == 0.0);
  CHECK(cache.probability(U'国', U'家') == 0.0);
}

TEST_CASE("possible damage does not count: the cache must not vouch for mojibake") {
  const DocumentCache cache("活力?;剀囅餁v史文化。剀囅");
  CHECK(cache.probability(U'剀', U'囅') == Approx(1.0));  // the clean occurrence at the end
  const DocumentCache only_damage("活力?;剀囅餁v史文化");
  CHECK(only_damage.probability(U'剀', U'囅') == 0.0);
  CHECK(only_damage.probability(U'史', U'文') == Approx(1.0));  // after the ASCII byte it counts again
}

TEST_CASE("pairs are counted in the model's classes") {
  const DocumentCache cache("增长6.4%，增长7%");
  CHECK(cache.probability(U'长', U'9') == Approx(1.0));  // digits are one class
  CHECK(cache.probability(U'%', U',') > 0.0);            // ， counts as ,
}
