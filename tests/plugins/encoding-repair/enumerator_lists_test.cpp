#include <catch2/catch.hpp>

#include <string>
#include <utility>

#include "enumerator_lists.hpp"

using namespace encoding_repair;

namespace {
// Byte offsets of a marker the tests put where a damaged stretch would be.
std::size_t at(const std::string& s, const std::string& marker) { return s.find(marker); }
}  // namespace

TEST_CASE("a list that goes on with the second item after a stretch lacks its first") {
  const std::string t = "重点产业：XXXX新材料；②新能源；③装备制造。";
  const auto m = EnumeratorLists(t).missing_between(at(t, "XXXX"), at(t, "XXXX") + 4);
  CHECK(m.enumerator == U'①');
  CHECK(m.distance == 8);  // XXXX新材料； before ②
}

TEST_CASE("a list that has its item before the stretch lacks nothing there") {
  const std::string t = "①新材料XXXX；②新能源。";
  CHECK(EnumeratorLists(t).missing_between(at(t, "XXXX"), at(t, "XXXX") + 4).enumerator == 0);
}

TEST_CASE("the item between the last one before and the next one after is missing, in every family") {
  const std::pair<std::string, char32_t> cases[] = {
      {"⑴一是XXXX⑶三是", U'⑵'}, {"⒈一是XXXX⒊三是", U'⒉'}, {"⑴一是⑵二是XXXX⑷四是", U'⑶'}, {"①一是XXXX③三是", U'②'}};
  for (const auto& [t, missing] : cases) {
    INFO(t);
    CHECK(EnumeratorLists(t).missing_between(at(t, "XXXX"), at(t, "XXXX") + 4).enumerator == missing);
  }
}

TEST_CASE("a list that starts after the stretch, or text without lists, lacks nothing") {
  const std::string starts = "XXXX其中：①新能源；②新材料。";
  CHECK(EnumeratorLists(starts).missing_between(0, 4).enumerator == 0);
  const std::string none = "XXXX今年以来，经济运行稳中向好。";
  CHECK(EnumeratorLists(none).missing_between(0, 4).enumerator == 0);
}

TEST_CASE("enumerators inside the stretch (mojibake makes them) are not the list's") {
  const std::string t = "甲乙①②③丙丁；⑤戊。";
  // The stretch holds ①②③: the list after it goes on with ⑤, so ④ is the one missing.
  CHECK(EnumeratorLists(t).missing_between(at(t, "①"), at(t, "丙")).enumerator == U'④');
}

TEST_CASE("the nearest follower decides between nested lists") {
  const std::string t = "①产业XXXX⑵子项；⑶子项；②产业。";
  CHECK(EnumeratorLists(t).missing_between(at(t, "XXXX"), at(t, "XXXX") + 4).enumerator == U'⑴');
}

TEST_CASE("families and numbers of enumerators") {
  CHECK(EnumeratorLists::family(U'①') == 0);
  CHECK(EnumeratorLists::family(U'⑳') == 0);
  CHECK(EnumeratorLists::family(U'⑴') == 1);
  CHECK(EnumeratorLists::family(U'⒛') == 2);
  CHECK(EnumeratorLists::family(U'一') == -1);
  CHECK(EnumeratorLists::family(U'❶') == -1);
}
