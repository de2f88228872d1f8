#include <catch2/catch.hpp>

#include "double_byte_table.hpp"

using namespace encoding_repair;

TEST_CASE("GBK pairs decode and encode both ways") {
  const auto& gbk = DoubleByteTable::get(Legacy::gbk);
  CHECK(gbk.decode(0xD6, 0xD0) == U'中');
  CHECK(gbk.encode(U'中') == 0xD6D0);
  CHECK(gbk.encode(U'國') == 0x87F8);  // traditional characters have GBK codes too
  CHECK(gbk.encode(U'？') == 0xA3BF);
  CHECK(gbk.single(0x80) == U'€');
}

TEST_CASE("user-defined-area pairs vanish, invalid pairs do not count as vanishing") {
  const auto& gbk = DoubleByteTable::get(Legacy::gbk);
  // The seed's dropped pairs.
  for (unsigned code : {0xA784u, 0xFDA1u, 0xACA2u, 0xF8D5u, 0xFEB7u}) CHECK(gbk.vanishes(code >> 8, code & 0xFF));
  CHECK_FALSE(gbk.vanishes(0xD6, 0xD0));
  CHECK_FALSE(gbk.vanishes(0xD6, 0x3C));  // '<' is no trail byte
}

TEST_CASE("Big5 pairs") {
  const auto& big5 = DoubleByteTable::get(Legacy::big5);
  CHECK(big5.decode(0xA4, 0xA4) == U'中');
  CHECK(big5.encode(U'經') != 0);
  CHECK(big5.decode(0xA4, 0x80) == 0);
}
