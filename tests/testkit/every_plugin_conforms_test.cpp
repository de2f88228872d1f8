// The conformance check over every plugin the build made (build/plugins/*.so), discovered at run
// time: a new plugin gets it without its author writing anything. One section per plugin, each run
// in its own child process, so one plugin's crash cannot hide another's result.
#include <algorithm>

#include <catch2/catch.hpp>

#include "docpipe/testkit/conformance_catch.hpp"

TEST_CASE("every plugin in the build keeps the plugin contract") {
  const std::filesystem::path dir = DOCPIPE_PLUGIN_DIR;
  std::vector<std::filesystem::path> plugins;
  if (std::filesystem::is_directory(dir))
    for (const auto& entry : std::filesystem::directory_iterator(dir))
      if (entry.is_regular_file() && entry.path().extension() == ".so") plugins.push_back(entry.path());
  std::sort(plugins.begin(), plugins.end());
  INFO("plugins found in " << dir.string() << ": " << plugins.size() << " (build the docpipe-runtime target first)");
  REQUIRE_FALSE(plugins.empty());
  for (const auto& file : plugins) {
    DYNAMIC_SECTION(file.stem().string()) { docpipe::testkit::require_conformance(file); }
  }
}
