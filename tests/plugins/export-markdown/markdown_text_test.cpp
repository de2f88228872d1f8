#include <catch2/catch.hpp>

#include "markdown_text.hpp"

using docpipe::markdown_export::inline_text;
using docpipe::markdown_export::single_line;

TEST_CASE("Markdown syntax characters in the text are escaped") {
  CHECK(inline_text("a*b_c[d](e)<f>`g`~h&i!j#k\\") == "a\\*b\\_c\\[d\\](e)\\<f\\>\\`g\\`\\~h\\&i\\!j\\#k\\\\");
}

TEST_CASE("a line cannot turn into a list, a heading or a setext underline") {
  CHECK(inline_text("- 一項") == "\\- 一項");
  CHECK(inline_text("+ 一項") == "\\+ 一項");
  CHECK(inline_text("===") == "\\===");
  CHECK(inline_text("2024. 年") == "2024\\. 年");
  CHECK(inline_text("1) 甲") == "1\\) 甲");
  CHECK(inline_text("# 標題") == "\\# 標題");
  // Only at the line start.
  CHECK(inline_text("增長-5%", true) == "增長-5%");
  CHECK(inline_text("2024. 年", false) == "2024. 年");
}

TEST_CASE("line breaks are joined without spaces between Chinese characters") {
  CHECK(inline_text("全面貫徹\n黨的二十大") == "全面貫徹黨的二十大");
  CHECK(inline_text("GDP\ngrowth") == "GDP growth");
  CHECK(inline_text("增長\n 5%") == "增長 5%");
  CHECK(inline_text("\n  甲") == "甲");
  CHECK(inline_text("甲  乙") == "甲  乙");  // spaces within a line are kept
}

TEST_CASE("single_line folds white space runs and trims") {
  CHECK(single_line("  第十六屆\n人民代表大會 \t第四次會議 ") == "第十六屆 人民代表大會 第四次會議");
}
