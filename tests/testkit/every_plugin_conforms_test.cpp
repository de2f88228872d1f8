// The conformance check over every plugin the build made (build/plugins/*.so), discovered at run
// time: a new plugin gets it without its author writing anything. One section per plugin, each run
// in its own child process, so one plugin's crash cannot hide another's result.
#include <algorithm>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "docpipe/testkit/conformance_catch.hpp"

namespace {

std::vector<std::filesystem::path> built_plugins() {
  const std::filesystem::path dir = DOCPIPE_PLUGIN_DIR;
  std::vector<std::filesystem::path> plugins;
  if (std::filesystem::is_directory(dir))
    for (const auto& entry : std::filesystem::directory_iterator(dir))
      if (entry.is_regular_file() && entry.path().extension() == ".so") plugins.push_back(entry.path());
  std::sort(plugins.begin(), plugins.end());
  return plugins;
}

}  // namespace

TEST_CASE("every plugin in the build keeps the plugin contract") {
  const auto plugins = built_plugins();
  INFO("plugins found in " << DOCPIPE_PLUGIN_DIR << ": " << plugins.size() << " (build docpipe-runtime first)");
  REQUIRE_FALSE(plugins.empty());
  for (const auto& file : plugins) {
    DYNAMIC_SECTION(file.stem().string()) { docpipe::testkit::require_conformance(file); }
  }
}

TEST_CASE("every plugin in the build keeps the contract on a real report") {
  // A whole report (front matter, bold headings, figures, a 名词解释 glossary) instead of the kit's
  // miniature: every layer the plugins fill on real text must keep the offset contract too.
  const std::filesystem::path report =
      std::filesystem::path(DOCPIPE_SHARED_DIR) / "corpus" / "reports" / "city_changsha_2024.txt";
  std::ifstream in(report, std::ios::binary);
  if (!in) {
    WARN("no corpus report at " << report.string());
    return;
  }
  std::ostringstream text;
  text << in.rdbuf();
  docpipe::testkit::ConformanceOptions options;
  options.sample_text = text.str();
  options.check_exports = false;  // done above; the library is the same
  for (const auto& file : built_plugins()) {
    DYNAMIC_SECTION(file.stem().string()) { docpipe::testkit::require_conformance(file, options); }
  }
}
