#include <catch2/catch.hpp>

#include "plugin_catalog.hpp"
#include "plugin_loader.hpp"
#include "docpipe/version.hpp"

using namespace docpipe;
using namespace docpipe::engine;
using Catch::Matchers::Contains;

namespace {
std::filesystem::path test_plugin(const std::string& name) {
  return std::filesystem::path(DOCPIPE_TEST_PLUGIN_DIR) / (name + ".so");
}

std::string load_error(const std::string& name) {
  try {
    load_plugin(test_plugin(name));
  } catch (const PluginLoadError& e) {
    return e.what();
  }
  return "(loaded)";
}

std::unique_ptr<abi::StageInstance> create(const LoadedPlugin& plugin, ParamValues params = {}) {
  StageContext ctx;
  for (const auto& spec : plugin.descriptor().params)
    if (!params.has(spec.name)) params.set(spec.name, spec.default_value);
  ctx.params = params;
  std::unique_ptr<abi::StageInstance> instance;
  const abi::Status status = plugin.factory->create(ctx, instance);
  REQUIRE(status.ok);
  return instance;
}
}  // namespace

TEST_CASE("a good plugin loads, describes itself and runs") {
  const LoadedPlugin& plugin = load_plugin(test_plugin("test-good"));
  const Descriptor& d = plugin.descriptor();
  CHECK(d.name == "test-good");
  CHECK(d.version == "1.0.0");
  CHECK(d.params.size() == 3);
  CHECK(plugin.abi_major == DOCPIPE_SDK_ABI_MAJOR);
  CHECK(plugin.build_tag == DOCPIPE_BUILD_TAG);
  // Loading the same file again gives the very same plugin: libraries are loaded once per process.
  CHECK(&load_plugin(test_plugin("test-good")) == &plugin);

  auto stage = create(plugin);
  Document doc;
  doc.text = "政府工作報告，報告";
  CHECK(stage->process(doc).ok);
  REQUIRE(doc.annotations.size() == 2);
  CHECK(doc.annotations[0].span.of(doc.text) == "報告");
  CHECK(doc.annotations[1].producer == "test-good");
}

TEST_CASE("two plugins loaded at once keep their own code") {
  const LoadedPlugin& good = load_plugin(test_plugin("test-good"));
  const LoadedPlugin& second = load_plugin(test_plugin("test-second"));
  CHECK(good.factory != second.factory);
  CHECK(second.descriptor().name == "test-second");
  auto a = create(good);
  auto b = create(second);
  Document doc;
  doc.text = "報告abc";
  CHECK(a->process(doc).ok);
  CHECK(b->process(doc).ok);
  REQUIRE(doc.annotations.size() == 2);
  CHECK(doc.annotations[0].type == "test-word");
  CHECK(doc.annotations[1].type == "test-length");
  CHECK(doc.annotations[1].attributes.at("codepoints") == "5");
}

TEST_CASE("a plugin built for another ABI major is refused before its factory runs") {
  const std::string error = load_error("test-wrong-abi");
  CHECK_THAT(error, Contains("plugin 'test-wrong-abi'"));
  CHECK_THAT(error, Contains(test_plugin("test-wrong-abi").string()));
  CHECK_THAT(error, Contains("built for SDK ABI 99.0"));
  CHECK_THAT(error, Contains("supports ABI 1.0 to 1." + std::to_string(DOCPIPE_SDK_ABI_MINOR)));
}

TEST_CASE("a plugin with an incompatible build tag is refused") {
  const std::string error = load_error("test-wrong-tag");
  CHECK_THAT(error, Contains("plugin 'test-wrong-tag'"));
  CHECK_THAT(error, Contains("build tag 'msvc19/msvcprt'"));
  CHECK_THAT(error, Contains(DOCPIPE_BUILD_TAG));
}

TEST_CASE("a library that is not a plugin, and a missing file, are refused") {
  CHECK_THAT(load_error("test-not-a-plugin"), Contains("not a docpipe plugin"));
  CHECK_THAT(load_error("no-such-plugin"), Contains("cannot load the library"));
}

TEST_CASE("exceptions thrown in a stage come back as a failed status") {
  const LoadedPlugin& plugin = load_plugin(test_plugin("test-throws"));
  auto stage = create(plugin);
  Document doc;
  doc.id = "d1";
  doc.text = "fine";
  CHECK(stage->process(doc).ok);
  doc.text = "BOOM";
  abi::Status status = stage->process(doc);
  CHECK_FALSE(status.ok);
  CHECK(status.message == "boom in document d1");
  doc.text = "INT";
  status = stage->process(doc);
  CHECK_FALSE(status.ok);
  CHECK_THAT(status.message, Contains("unknown exception"));
}

TEST_CASE("a constructor that throws fails the creation with its message") {
  const LoadedPlugin& plugin = load_plugin(test_plugin("test-throws"));
  StageContext ctx;
  ctx.params.set("fail-at-start", "true");
  std::unique_ptr<abi::StageInstance> instance;
  const abi::Status status = plugin.factory->create(ctx, instance);
  CHECK_FALSE(status.ok);
  CHECK(status.message == "refusing to start as configured");
  CHECK(instance == nullptr);
}

TEST_CASE("the catalog finds plugins by name and lists broken ones") {
  PluginSearchPath path;
  path.prepend({DOCPIPE_TEST_PLUGIN_DIR});
  PluginCatalog catalog(path);
  CHECK(catalog.find("test-good").descriptor().name == "test-good");
  try {
    catalog.find("nonexistent");
    FAIL("expected an error");
  } catch (const PluginLoadError& e) {
    CHECK_THAT(e.what(), Contains("unknown plugin 'nonexistent'"));
    CHECK_THAT(e.what(), Contains("known plugins: "));
    CHECK_THAT(e.what(), Contains("test-good"));
  }
  int broken = 0, ok = 0;
  for (const auto& entry : catalog.list()) (entry.plugin ? ok : broken)++;
  CHECK(ok == 3);
  CHECK(broken == 3);  // wrong ABI, wrong tag, not a plugin
}

TEST_CASE("descriptor checks catch incomplete descriptors") {
  Descriptor d;
  CHECK(check_descriptor(d) == "the descriptor has an empty name");
  d.name = "x";
  d.version = "1";
  d.description = "y";
  CHECK(check_descriptor(d).empty());
  d.params.push_back({"n", ParamType::integer, "0", false, 1, 5, {}, "doc"});
  CHECK(check_descriptor(d) == "the default of parameter 'n' is invalid: expected an integer from 1 to 5, got '0'");
  d.params[0].default_value = "2";
  d.params.push_back({"n", ParamType::integer, "2", false, 1, 5, {}, "doc"});
  CHECK(check_descriptor(d) == "parameter 'n' is declared twice");
}
