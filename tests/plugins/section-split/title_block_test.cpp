#include <catch2/catch.hpp>

#include "outline.hpp"
#include "section_splitter.hpp"
#include "title_block.hpp"

using section_split::find_iso_date;
using section_split::find_meeting;
using section_split::region_from_meeting;
using section_split::region_from_title;

TEST_CASE("dates in Arabic and in Chinese digits") {
  CHECK(find_iso_date("2024年1月24日在叢臺區") == "2024-01-24");
  CHECK(find_iso_date("——二〇二四年一月二十四日在区第十一届人民代表大会") == "2024-01-24");
  CHECK(find_iso_date("一九九三年六月十九日") == "1993-06-19");
  CHECK(find_iso_date("1994 年 2 月 21 日") == "1994-02-21");
  CHECK(find_iso_date("2024年工作回顾") == "");
  CHECK(find_iso_date("2024年13月1日") == "");
}

TEST_CASE("the meeting, with the stray line break inside it joined") {
  CHECK(find_meeting("2024年1月24日在叢臺區第十一屆 人民代表大會第四次會議上") == "叢臺區第十一屆人民代表大會第四次會議");
  CHECK(find_meeting("——2024年3月5日在第十四届全国人民代表大会第二次会议上") == "第十四届全国人民代表大会第二次会议");
  // `日` in a place name is no date
  CHECK(find_meeting("——2021年12月8日在日喀则市第二届人民代表大会第二次会议上") == "日喀则市第二届人民代表大会第二次会议");
  CHECK(find_meeting("国务院总理 李强") == "");
}

TEST_CASE("region from the title, else from the meeting") {
  CHECK(region_from_title("2024年邯鄲市叢臺區政府工作報告") == "邯鄲市叢臺區");
  CHECK(region_from_title("2026年四川省人民政府工作报告") == "四川省");
  CHECK(region_from_title("政府工作报告") == "");
  CHECK(region_from_meeting("叢臺區第十一屆人民代表大會第四次會議") == "叢臺區");
  CHECK(region_from_meeting("第十四届全国人民代表大会第二次会议") == "全国");
  CHECK(region_from_meeting("自治区十二届人民代表大会第一次会议") == "");
}

TEST_CASE("seed metadata: title, ISO date, joined meeting, region, year") {
  auto doc = section_split_test::document_from(std::string(DOCPIPE_SHARED_DIR) + "/seed/000_dbdc0dc46ac71758.txt");
  section_split::split_document(doc);
  CHECK(doc.metadata.title == "2024年邯鄲市叢臺區政府工作報告");
  CHECK(doc.metadata.title_span.of(doc.text) == doc.metadata.title);
  CHECK(doc.metadata.date == "2024-01-24");
  CHECK(doc.metadata.meeting == "叢臺區第十一屆人民代表大會第四次會議");
  CHECK(doc.metadata.region == "邯鄲市叢臺區");
  CHECK(doc.metadata.year == 2024);
}

TEST_CASE("front matter becomes metadata.extra; the text is untouched and paragraphs start after it") {
  const std::string text =
      "---\nsource: https://example.org/r\ntitle: 某市政府工作报告（2025年1月20日 张三）\n---\n市长 张三\n各位代表：\n"
      "一、2024年工作回顾\n正文。\n";
  docpipe::Document doc;
  doc.text = text;
  section_split::split_document(doc);
  CHECK(doc.text == text);
  CHECK(doc.metadata.extra.at("source") == "https://example.org/r");
  CHECK(doc.metadata.title == "某市政府工作报告");
  CHECK(doc.metadata.date == "2025-01-20");
  CHECK(doc.metadata.region == "某市");
  CHECK(doc.metadata.year == 2025);
  REQUIRE(!doc.paragraphs.empty());
  CHECK(doc.paragraphs.front().of(text) == "市长 张三");
}
