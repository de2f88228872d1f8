// `docpipe new-plugin`: what it refuses and what it writes. Building the generated folder against the
// installed SDK is the ctest sdk_new_plugin_<kind> (out_of_tree_test.sh).
#include <cstdio>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>
#include <sys/wait.h>

#include "docpipe/testkit/plugin_under_test.hpp"

namespace fs = std::filesystem;

namespace {

struct Result {
  int exit_code = -1;
  std::string output;
};

Result run_docpipe(const std::string& args) {
  Result r;
  FILE* pipe = ::popen((std::string(DOCPIPE_BINARY) + " " + args + " 2>&1").c_str(), "r");
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) r.output.append(buffer, n);
  const int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("new-plugin writes a complete folder for every kind, with every placeholder filled") {
  const fs::path dir = docpipe::testkit::make_temp_dir("docpipe-new-plugin");
  for (const std::string kind : {"repair", "split", "extract", "link", "export", "other"}) {
    const std::string name = "acme-" + kind + "-stage";
    const fs::path out = dir / kind;
    const Result r = run_docpipe("new-plugin " + name + " --kind " + kind + " --dir " + out.string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    const std::string id = "acme_" + kind + "_stage";
    for (const fs::path& f : {fs::path("CMakeLists.txt"), fs::path("README.md"), fs::path("plugin.cpp"),
                              fs::path("src") / (id + ".hpp"), fs::path("src") / (id + ".cpp"),
                              fs::path("tests") / (id + "_test.cpp")}) {
      INFO(f.string());
      REQUIRE(fs::is_regular_file(out / f));
      const std::string text = read(out / f);
      CHECK(text.find("@NAME@") == std::string::npos);
      CHECK(text.find("@ID@") == std::string::npos);
      CHECK(text.find("@CLASS@") == std::string::npos);
      CHECK(text.find("@KIND") == std::string::npos);
    }
    const std::string plugin = read(out / "plugin.cpp");
    CHECK_THAT(plugin, Catch::Contains("DOCPIPE_PLUGIN(\"" + name + "\""));
    CHECK_THAT(plugin, Catch::Contains("d.name = \"" + name + "\""));
    CHECK_THAT(plugin, Catch::Contains("StageKind::" + (kind == "export" ? std::string("export_") : kind)));
    CHECK_THAT(plugin, Catch::Contains(kind == "export" ? "Concurrency::serialized" : "Concurrency::per_worker"));
    CHECK_THAT(read(out / "CMakeLists.txt"), Catch::Contains("find_package(docpipe 0.1 REQUIRED)") &&
                                                 Catch::Contains("docpipe_add_plugin(" + name + " "));
    CHECK_THAT(read(out / "tests" / (id + "_test.cpp")), Catch::Contains("require_conformance(DOCPIPE_PLUGIN_FILE)"));
  }
  fs::remove_all(dir);
}

TEST_CASE("new-plugin refuses bad names, unknown kinds and folders in use, with exit code 2") {
  const fs::path dir = docpipe::testkit::make_temp_dir("docpipe-new-plugin");
  for (const std::string bad : {"Keyword", "keyword_tag", "tag.x", "tag-", "1tag", "a--b", "tag\\ x"}) {
    const Result r = run_docpipe("new-plugin " + bad + " --dir " + (dir / "x").string());
    INFO(bad << ": " << r.output);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("lower-case words joined by '-'"));
  }
  CHECK_FALSE(fs::exists(dir / "x"));
  const Result kind = run_docpipe("new-plugin ok-name --kind exporter --dir " + (dir / "y").string());
  CHECK(kind.exit_code == 2);
  CHECK_THAT(kind.output, Catch::Contains("unknown kind 'exporter'"));
  std::ofstream(dir / "occupied.txt") << "x";
  const Result used = run_docpipe("new-plugin ok-name --dir " + dir.string());
  CHECK(used.exit_code == 2);
  CHECK_THAT(used.output, Catch::Contains("not an empty folder"));
  CHECK(run_docpipe("new-plugin").exit_code == 2);
  const Result help = run_docpipe("new-plugin --help");
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.output, Catch::Contains("--kind"));
  CHECK_THAT(run_docpipe("--help").output, Catch::Contains("new-plugin NAME"));
  fs::remove_all(dir);
}
