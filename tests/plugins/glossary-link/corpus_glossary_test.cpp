#include <catch2/catch.hpp>

#include <thread>
#include <vector>

#include "corpus_glossary.hpp"

using namespace docpipe;
using namespace docpipe::glossary_link;

namespace {
Document doc_with(const std::string& id, std::vector<std::pair<std::string, std::string>> terms) {
  Document d;
  d.id = id;
  for (auto& [t, def] : terms) {
    GlossaryEntry e;
    e.term = t;
    e.definition = def;
    d.glossary.entries.push_back(e);
  }
  return d;
}
}  // namespace

TEST_CASE("terms merge across documents and scripts; external entries stay out") {
  CorpusGlossary c;
  c.add(doc_with("a", {{"楓橋經驗", "浙江諸暨"}, {"雙減", ""}}));
  c.add(doc_with("b", {{"枫桥经验", "浙江诸暨"}, {"双减", "减轻负担"}}));
  Document ext = doc_with("c", {{"外部术语", "x"}});
  ext.glossary.entries[0].origin = "terms.tsv";
  c.add(ext);
  CHECK(c.size() == 2);
  const std::string json = c.json();
  CHECK(json.find(R"({"term": "楓橋經驗", "definition": "浙江諸暨", "variants": ["枫桥经验"], "documents": ["a", "b"]})") !=
        std::string::npos);
  CHECK(json.find(R"("definition": "减轻负担")") != std::string::npos);  // the first non-empty one
  CHECK(json.find("外部术语") == std::string::npos);
}

TEST_CASE("per-worker instances add concurrently to the shared list") {
  CorpusGlossary& shared = CorpusGlossary::shared("/tmp/glossary-link-test/terms.json");
  std::vector<std::thread> threads;
  for (int w = 0; w < 4; ++w)
    threads.emplace_back([&, w] {
      for (int i = 0; i < 50; ++i)
        shared.add(doc_with("d" + std::to_string(w * 50 + i), {{"术语" + std::to_string(i), "定义"}}));
    });
  for (auto& t : threads) t.join();
  CHECK(shared.size() == 50);
  CHECK(&CorpusGlossary::shared("/tmp/glossary-link-test/terms.json") == &shared);
  CHECK(shared.json().find(R"("documents": ["d0", "d100", "d150", "d50"])") != std::string::npos);
}

TEST_CASE("a second run on the same list starts empty") {
  CorpusGlossary& list = CorpusGlossary::shared("/tmp/glossary-link-test/second-run.json");
  list.attach();
  list.attach();
  list.add(doc_with("a", {{"甲乙", "一"}}));
  list.detach();
  CHECK(list.detach().find("甲乙") != std::string::npos);  // the last instance writes everything
  list.attach();  // the next run
  list.add(doc_with("b", {{"丙丁", "二"}}));
  const std::string json = list.detach();
  CHECK(json.find("丙丁") != std::string::npos);
  CHECK(json.find("甲乙") == std::string::npos);
}
