#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "cleaner.hpp"

using namespace encoding_repair;

namespace {
std::string apply(const std::string& text, const CleanOptions& o = {}) {
  std::string out;
  std::size_t pos = 0;
  for (const auto& e : find_cleaning_edits(text, o)) {
    REQUIRE(e.begin >= pos);
    out += text.substr(pos, e.begin - pos) + e.after;
    pos = e.end;
  }
  return out + text.substr(pos);
}
std::string kind_of_first(const std::string& text) {
  const auto edits = find_cleaning_edits(text);
  return edits.empty() ? "" : edits[0].kind;
}
}  // namespace

TEST_CASE("HTML tags and comments are removed, real prose with angle brackets is not") {
  CHECK(apply("聚集高地。”</font> 11.着力") == "聚集高地。” 11.着力");
  CHECK(apply("<FONT color=red>重点</FONT>任务") == "重点任务");
  CHECK(apply("一是<!-- 注释 -->加快") == "一是加快");
  CHECK(apply("增长<br/>就业") == "增长\n就业");
  CHECK(apply("增长\n<br>\n就业") == "增长\n\n就业");
  CHECK(apply("x<5 且 y>3, a <b c") == "x<5 且 y>3, a <b c");
  CHECK(apply("<o:p></o:p>文本") == "文本");
  CHECK(apply("前<script>var a = '<b>';</script>后") == "前后");
  CHECK(kind_of_first("<p>") == "html");
}

TEST_CASE("a reference escaped twice is read through to its character, in one repair") {
  CHECK(apply("十四五&amp;nbsp;规划") == "十四五 规划");
  CHECK(apply("&amp;ldquo;两山&amp;rdquo;理念") == "“两山”理念");
  CHECK(apply("&amp;#20013;&amp;#x56fd;") == "中国");
  // Two ampersands, an ampersand before a word, an unknown name: one level only.
  CHECK(apply("A&amp;&amp;B") == "A&&B");
  CHECK(apply("R&amp;D投入") == "R&D投入");
  CHECK(apply("&amp;foo; &amp;") == "&foo; &");
  const auto edits = find_cleaning_edits("前&amp;nbsp;后", CleanOptions{});
  REQUIRE(edits.size() == 1);
  CHECK(edits[0].begin == 3);
  CHECK(edits[0].end == 3 + 10);
  CHECK(edits[0].kind == "html");
}

TEST_CASE("spaces written as references are cleaned as literal wide spaces are") {
  // Indentation and a line's trailing spaces go; inside a line a run is one space.
  CHECK(apply("&#12288;&#12288;坚持稳中求进。\n") == "坚持稳中求进。\n");
  CHECK(apply("一、总体要求&nbsp;&nbsp; \n二、") == "一、总体要求\n二、");
  CHECK(apply("经济&nbsp;&#12288;\u3000 发展") == "经济 发展");
  CHECK(apply("\u3000\u3000坚持") == "坚持");  // as before, the literal run
  const auto edits = find_cleaning_edits("经济&nbsp;&#12288;\u3000 发展", CleanOptions{});
  REQUIRE(edits.size() == 1);
  CHECK(edits[0].kind == "html");
  CHECK(edits[0].begin == 6);
  CHECK(edits[0].end == 6 + 6 + 8 + 3 + 1);
}

TEST_CASE("legacy names are read without their semicolon where the name ends") {
  CHECK(apply("经济&nbsp发展") == "经济 发展");
  CHECK(apply("A&ampB &lt 5") == "A&ampB < 5");  // `ampB` goes on as a word
  CHECK(apply("&copyright &lt3 a&gt=b") == "&copyright &lt3 a&gt=b");
  CHECK(apply("&nbsp发展；") == "发展；");  // a `;` further on is not the reference's
  CHECK(apply("&times") == "\u00D7");
}

TEST_CASE("CR CR LF, a CRLF file written again in text mode, is one line end") {
  CHECK(apply("一、总体要求\r\r\n坚持稳中求进。\r\r\n\r\r\n二、\r\n三、\r四、") == "一、总体要求\n坚持稳中求进。\n\n二、\n三、\n四、");
  const auto edits = find_cleaning_edits("甲\r\r\n乙", CleanOptions{});
  REQUIRE(edits.size() == 1);
  CHECK(edits[0].end - edits[0].begin == 3);
  CHECK(edits[0].kind == "whitespace");
}

TEST_CASE("markup escaped once more is removed as the markup itself is") {
  CHECK(apply("&lt;p&gt;一、总体要求&lt;/p&gt;&lt;p style=&quot;text-indent:2em&quot;&gt;坚持稳中求进。&lt;br /&gt;全年增长5%。&lt;/p&gt;") ==
        "一、总体要求\n\n坚持稳中求进。\n全年增长5%。\n");  // as `</p><p>` unescaped: a blank line
  CHECK(apply("前&lt;!-- 注释 --&gt;后&lt;FONT color=red&gt;重点&lt;/FONT&gt;") == "前后重点");
  // Not markup: a figure or a name between escaped brackets, an unknown tag, an unclosed one.
  CHECK(apply("增速&lt;5%&gt;预期") == "增速<5%>预期");
  CHECK(apply("&lt;十四五&gt;规划") == "<十四五>规划");
  CHECK(apply("&lt;foo&gt;x") == "<foo>x");
  CHECK(apply("&lt;p 未完") == "<p 未完");
  CHECK(apply("&lt;p&gt;", CleanOptions{false}) == "&lt;p&gt;");
  const auto edits = find_cleaning_edits("文&lt;br/&gt;字", CleanOptions{});
  REQUIRE(edits.size() == 1);
  CHECK(edits[0].begin == 3);
  CHECK(edits[0].end == 3 + 11);
  CHECK(edits[0].after == "\n");
  CHECK(edits[0].kind == "html");
}

TEST_CASE("an unterminated comment or tag is left alone") {
  CHECK(apply("前<!-- 未完") == "前<!-- 未完");
  CHECK(apply("前<font color=red 后") == "前<font color=red 后");
}

TEST_CASE("character references are decoded") {
  CHECK(apply("&#x4e2d;&#22269;&amp;&lt;&ldquo;好&rdquo;") == "中国&<“好”");
  CHECK(apply("经济&nbsp;发展") == "经济 发展");
  CHECK(apply("&unknown; &#xZZ; &") == "&unknown; &#xZZ; &");
  CHECK(apply("&lt;b&gt;", CleanOptions{false}) == "&lt;b&gt;");
}

TEST_CASE("numeric references are read without their semicolon, as browsers read them") {
  CHECK(apply("&#20013国&#x6587;字") == "中国文字");
  CHECK(apply("&#33539园区&#x56ED区") == "范园区园区");
  CHECK(kind_of_first("&#20013国") == "html");
  // The digits end the reference: digits after it are part of it, as in browsers (here past
  // U+10FFFF, so nothing is read); no digits, no reference.
  CHECK(apply("&#2164430个") == "&#2164430个");
  CHECK(apply("&#国 &#x; &#") == "&#国 &#x; &#");
}

TEST_CASE("JSON string escapes are read where the text is a JSON string taken as it was written") {
  // Text scraped from a JSON API or a script's string literal (json.dumps with ensure_ascii): every
  // character outside ASCII is a \uXXXX escape, line breaks are \n.
  const std::string json = R"(\u653f\u5e9c\u5de5\u4f5c\u62a5\u544a\n\n\u5404\u4f4d\u4ee3\u8868\uff1a\"\u5341\u56db\u4e94\"\t1/2\/3 C:\\x)";
  CHECK(apply(json) == "政府工作报告\n\n各位代表：\"十四五\"\t1/2/3 C:\\x");
  CHECK(kind_of_first(json) == "escape");
  CHECK(apply(R"(\ud83d\ude00 \u3000\u200b!)") == "\U0001F600  !");  // a surrogate pair is one character
  CHECK(apply(R"(a\r\nb\u4e2d\u56fd)") == "a\nb中国");
  // \uXXXX alone is always read; \n and \" only in text holding at least two escapes of characters
  // outside ASCII (a path or a regular expression in prose keeps its backslashes).
  CHECK(apply(R"(路径 C:\new\table 与\u4e2d)") == R"(路径 C:\new\table 与中)");
  CHECK(apply(R"(\n\"x\" \d+)") == R"(\n\"x\" \d+)");
  // Not escapes: too few digits, a lone or reversed surrogate, zero.
  for (std::string_view kept : {R"(\u4e2)", R"(\ud83d)", R"(\ude00\ud83d)", R"(\u0000)", R"(\uZZZZ)", R"(\x4e2d)"})
    CHECK(apply(std::string(kept)) == kept);
}

TEST_CASE("<U+XXXX> escapes are read as the characters they name") {
  // The form R and some export tools write for a character the output encoding cannot hold: the
  // 1954 and 2008 national reports of shared/corpus/reports carry 1618 of them (<U+00A0>).
  CHECK(apply("周恩来<U+00A0><U+00A0>各位代表") == "周恩来  各位代表");
  CHECK(apply("<U+4E2D><U+56FD>经济") == "中国经济");
  CHECK(apply("<U+4e2d>国 <U+1F600>") == "中国 \U0001F600");
  CHECK(apply("零宽<U+200B>字符") == "零宽字符");
  CHECK(kind_of_first("<U+3000>") == "escape");
  // Not escapes: too few or too many digits, no closing bracket, surrogates, zero, past U+10FFFF.
  for (std::string_view kept : {"<U+4E2>", "<U+0004E2D0>", "<U+4E2D", "<U+D800>", "<U+0000>", "<U+110000>",
                                 "<U+>", "<u+4E2D>", "<V+4E2D>", "<U+4E2D)"})
    CHECK(apply(std::string(kept)) == kept);
  // With HTML stripping off the escapes are still read: they are no markup.
  CleanOptions keep_html;
  keep_html.strip_html = false;
  CHECK(apply("<b><U+4E2D></b>", keep_html) == "<b>中</b>");
}

TEST_CASE("control and zero-width characters are removed, TAB and LF kept") {
  CHECK(apply("经\x01济\x7F\u200B发\uFEFF展\t1\n") == "经济发展\t1\n");
  CHECK(kind_of_first("a\x02") == "control");
}

TEST_CASE("a C1 control is read as the Windows-1252 character of its byte, if it has one") {
  // Windows-1252 text read as Latin-1 keeps 0x80..0x9F as C1 controls; ftfy's negative.json
  // (shared/corpus/peer-specs/ftfy) has `parlé\x85` for `parlé…`.
  CHECK(apply("parl\u00e9\u0085 Tu") == "parl\u00e9\u2026 Tu");
  CHECK(apply("\u0093\u6539\u9769\u0094\u0096") == "\u201c\u6539\u9769\u201d\u2013");
  CHECK(kind_of_first("a\u0085") == "control");
  // The five bytes Windows-1252 leaves undefined have no character: their controls go.
  CHECK(apply("a\u0081b\u008Dc\u008Fd\u0090e\u009Df") == "abcdef");
  // HTML reads references to 128..159 the same way; a reference to a control names nothing to keep.
  CHECK(apply("&#150;&#x93;&#133;&#129;&#x200B;&#7;x") == "\u2013\u201c\u2026x");
}

TEST_CASE("CR line ends become LF") {
  CHECK(apply("一\r\n二\r三\n") == "一\n二\n三\n");
  CHECK(kind_of_first("\r\n") == "whitespace");
}

TEST_CASE("line and paragraph separators become LF, bidi embeddings go") {
  // Text taken from JSON or JavaScript strings keeps U+2028/U+2029 where the page had line breaks.
  CHECK(apply("一、总体要求\u2028二、主要任务\u2029三") == "一、总体要求\n二、主要任务\n三");
  CHECK(kind_of_first("a\u2028b") == "whitespace");
  CHECK(apply("\u202A政府\u202B工作\u202C报告") == "政府工作报告");
  CHECK(kind_of_first("a\u202Ab") == "control");
  // Their neighbours in the block are not edited: hyphenation point, LRO/RLO, ≨, ⑥.
  CHECK(find_cleaning_edits("\u2027\u202D\u202E\u2268\u2465\u2026").empty());
}

TEST_CASE("no-break and ideographic space runs: indentation dropped, inner runs one space") {
  CHECK(apply("\u3000\u3000一、工作回顾\n\u3000\u3000各位代表") == "一、工作回顾\n各位代表");
  CHECK(apply("2024年\u00A0\u00A01月") == "2024年 1月");
  CHECK(apply("结尾\u3000\n") == "结尾\n");
  CHECK(apply("已是 单个空格") == "已是 单个空格");
}

TEST_CASE("clean prose yields no edit") {
  CHECK(find_cleaning_edits("二〇二四年政府工作报告（摘要）：经济运行稳中向好。\n").empty());
}

TEST_CASE("an edit is found at every offset of the scan's 16-byte blocks, TAB and LF never") {
  // The scan tests sixteen bytes at a time: each cleaned character is put at every offset around
  // two block boundaries, among bytes that look like candidates (E3 of 。, EF of ，, TAB, LF).
  for (const std::string& cleaned : {std::string("\r"), std::string("\x01"), std::string("\xE2\x80\x8B"),
                                     std::string("\xE2\x80\xA8"), std::string("\xE2\x80\xAC"),
                                     std::string("\xEF\xBB\xBF"), std::string("&amp;"), std::string("<br>"),
                                     std::string("\\u4e2d")}) {
    for (std::size_t at = 0; at < 40; ++at) {
      std::string text;
      while (text.size() < at) text += text.size() % 7 == 3 ? "\t" : text.size() % 5 == 1 ? "\n" : "a";
      text += cleaned + "。经济，发展\t稳中向好\n";
      const auto edits = find_cleaning_edits(text);
      REQUIRE(edits.size() == 1);
      CHECK(edits[0].begin == at);
      CHECK(edits[0].end == at + cleaned.size());
    }
  }
}

TEST_CASE("a lead byte of a character not cleaned is stepped over whole, at every offset") {
  // Not valid UTF-8 (Document::text never has it), but the scan must stay one definition: the
  // bytes after such a lead are never read as the start of an edit, whichever block they fall in.
  for (std::size_t at = 0; at < 36; ++at) {
    const std::string text = std::string(at, 'a') + "\xE3<b>\xEF\x0D\x0Axy" + "<br>" + "结尾";
    const auto edits = find_cleaning_edits(text);
    REQUIRE(edits.size() == 1);
    CHECK(edits[0].begin == at + 9);
    CHECK(edits[0].end == at + 13);
  }
}

TEST_CASE("edits start exactly at the cleaned characters among punctuation sharing their lead bytes") {
  // Random texts of pieces: characters that are never edited, many with the lead bytes of cleaned
  // ones (C2, E2, E3, EF) and trail bytes one off theirs, and characters that always are. The scan
  // judges sixteen bytes at a time with the bytes after each lead; the edits must begin exactly at
  // the cleaned pieces wherever they fall in a block.
  const std::vector<std::string> kept = {
      "政", "府", "，", "。", "、", "《", "“", "”", "—", "…", "·", "°", "¡", "¬", "®", "€", "\u200A",
      "\u2010", "\u2065", "\uFEFE", "\uFF01", "\u3001", "\u3002", "a", "1", "\t", "\n", "<x", "&x", "Ä",
      "\u2027", "\u202D", "\u2268", "\u2465", "\u20A9"};
  const std::vector<std::string> cleaned = {"\u200B", "\u200F", "\u2060", "\u2064", "\uFEFF", "\u00AD", "\u0085",
                                            "\u00A0", "\u3000", "\r", "\x01", "\x7F", "<br>", "&amp;",
                                            "\u2028", "\u2029", "\u202A", "\u202C"};
  std::uint32_t state = 4242;
  auto next = [&] { return state = state * 1103515245u + 12345u, state >> 8; };
  std::size_t found = 0;
  for (int round = 0; round < 400; ++round) {
    std::string text;
    std::vector<std::size_t> expected;
    bool last_cleaned = true;  // a text starts with a kept piece; cleaned pieces never touch
    for (int k = 0, pieces = 10 + int(next() % 60); k < pieces; ++k) {
      if (!last_cleaned && next() % 4 == 0) {
        expected.push_back(text.size());
        text += cleaned[next() % cleaned.size()];
        last_cleaned = true;
      } else {
        text += kept[next() % kept.size()];
        last_cleaned = false;
      }
    }
    std::vector<std::size_t> begins;
    for (const auto& e : find_cleaning_edits(text)) begins.push_back(e.begin);
    INFO("round " << round);
    CHECK(begins == expected);
    found += begins.size();
  }
  CHECK(found > 1000);
}

TEST_CASE("the scan reads any byte soup the same wherever its blocks fall") {
  // The block loops (32 bytes, 16 bytes, then byte by byte) test a block for bytes that may start an
  // edit before sorting its candidates out; on invalid UTF-8 a lead byte swallows the bytes after
  // it whichever test saw them. Each soup is scanned behind 0 to 40 ASCII bytes, so that every byte
  // falls at every place of a block and in every loop: the edits must be the same ones, shifted.
  const std::vector<std::string> pieces = {"\xC2", "\xE2", "\xE3", "\xEF", "\x80", "\x81", "\x8B", "\xA0", "\xAD", "\xBB",
                                           "\xBF", "\xBC", "<br>", "&amp;", "\r", "\n", "\t", "\x01", "\x7F", "a", "政",
                                           "。", "，", "“", "…", "\u3000", "\uFEFF", "\u200B", "\u00A0", "<U+00A0>",
                                           "\u2028", "\u202B", "\u2268", "\xA8", "\xAC", "\\u4e2d", "\\n", "\\"};
  std::uint32_t state = 99;
  auto next = [&] { return state = state * 1103515245u + 12345u, state >> 8; };
  std::size_t edits_seen = 0;
  for (int round = 0; round < 150; ++round) {
    std::string soup;
    for (int k = 0, n = 5 + int(next() % 40); k < n; ++k) soup += pieces[next() % pieces.size()];
    std::vector<std::pair<std::size_t, std::size_t>> expected;
    for (const auto& e : find_cleaning_edits(soup)) expected.push_back({e.begin, e.end});
    edits_seen += expected.size();
    for (std::size_t shift = 1; shift <= 40; ++shift) {
      std::vector<std::pair<std::size_t, std::size_t>> got;
      for (const auto& e : find_cleaning_edits(std::string(shift, 'x') + soup)) got.push_back({e.begin - shift, e.end - shift});
      INFO("round " << round << ", shift " << shift);
      REQUIRE(got == expected);
    }
  }
  CHECK(edits_seen > 300);
}
