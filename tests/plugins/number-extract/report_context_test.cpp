#include <catch2/catch.hpp>

#include "folded_text.hpp"
#include "number_scanner.hpp"
#include "report_context.hpp"

using namespace number_extract;

TEST_CASE("context: status from a sentence's own words", "[number-extract][context]") {
  CHECK(status_from_words(U"预计全年地区生产总值完成341.7亿元") == "estimate");
  CHECK(status_from_words(U"主要预期目标是：地区生产总值增长7%左右") == "target");
  CHECK(status_from_words(U"力争达到8%") == "target");
  CHECK(status_from_words(U"全年地区生产总值增长6.4%") == "actual");
  CHECK(status_from_words(U"地区生产总值增长6.4%") == "");
}

TEST_CASE("context: status from a section heading", "[number-extract][context]") {
  CHECK(status_from_heading(U"2023年工作回顾", 2024) == "actual");
  CHECK(status_from_heading(U"2024年工作安排", 2024) == "target");
  CHECK(status_from_heading(U"过去五年工作回顾", 2024) == "actual");
  CHECK(status_from_heading(U"今年的主要目标任务", 0) == "target");
  CHECK(status_from_heading(U"加强政府自身建设", 2024) == "");
  // A plan's targets reported done (prov_fujian_2006) are results; targets still to meet are not.
  CHECK(status_from_heading(U"一、经济区建设全面展开 “十五”目标任务胜利完成", 2006) == "actual");
  CHECK(status_from_heading(U"确保完成全年目标任务", 2006) == "target");
}

TEST_CASE("context: report year and period", "[number-extract][context]") {
  docpipe::Document doc;
  doc.text = "2024年邯郸市丛台区政府工作报告 ……预计全年地区生产总值增长6.4%。";
  FoldedText t(doc.text);
  auto numbers = scan_numbers(t);
  CHECK(report_year(doc, numbers) == 2024);
  doc.metadata.year = 2019;
  CHECK(report_year(doc, numbers) == 2019);

  docpipe::Document review;
  review.text = "---\ntitle: 政府工作报告\n---\n各位代表：\n一、2023年工作回顾\n过去一年……";
  FoldedText rt(review.text);
  CHECK(report_year(review, scan_numbers(rt)) == 2024);
  docpipe::Document url;
  url.text = "---\nsource: https://www.henan.gov.cn/2024/02-04/2898505.html\ntitle: 政府工作报告\n---\n各位代表：";
  FoldedText ut(url.text);
  CHECK(report_year(url, scan_numbers(ut)) == 2024);
  docpipe::Document dated;
  dated.text = "政府工作报告\n——2022年2月15日在第十五届人民代表大会上\n2018年以来……";
  FoldedText dt(dated.text);
  CHECK(report_year(dated, scan_numbers(dt)) == 2022);
  docpipe::Document december;
  december.text = "湘潭市政府工作报告\n——2023年12月29日在湘潭市第十六届人民代表大会第三次会议上";
  FoldedText dec(december.text);
  CHECK(report_year(december, scan_numbers(dec)) == 2024);

  std::vector<const ScannedNumber*> in_sentence;
  for (auto& n : numbers) in_sentence.push_back(&n);
  auto ctx = sentence_context(t, 0, t.size(), U"", 2024, {in_sentence.back()});
  CHECK(ctx.status == "estimate");
  CHECK(ctx.period == 2023);

  FoldedText explicit_year("2022年，地区生产总值增长5%。");
  auto n2 = scan_numbers(explicit_year);
  std::vector<const ScannedNumber*> p2;
  for (auto& n : n2) p2.push_back(&n);
  ctx = sentence_context(explicit_year, 0, explicit_year.size(), U"2023年工作回顾", 2024, p2);
  CHECK(ctx.status == "actual");
  CHECK(ctx.period == 2022);
}
