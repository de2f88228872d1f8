#include "docpipe/testkit/plugin_under_test.hpp"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <random>

#include <unistd.h>

#include "plugin_loader.hpp"

namespace docpipe::testkit {

namespace fs = std::filesystem;

fs::path make_temp_dir(const std::string& prefix) {
  static std::atomic<unsigned> counter{0};
  std::random_device rd;
  for (;;) {
    const fs::path dir = fs::temp_directory_path() / (prefix + "-" + std::to_string(::getpid()) + "-" +
                                                      std::to_string(counter++) + "-" + std::to_string(rd() % 100000));
    if (fs::create_directories(dir)) return dir;
  }
}

StageUnderTest::StageUnderTest(std::unique_ptr<abi::StageInstance> instance, const Descriptor& descriptor,
                               fs::path output_dir, std::shared_ptr<const void> owned_dir)
    : owned_dir_(std::move(owned_dir)),
      instance_(std::move(instance)),
      descriptor_(&descriptor),
      output_dir_(std::move(output_dir)) {}

abi::Status StageUnderTest::process(Document& doc) {
  const auto t0 = std::chrono::steady_clock::now();
  abi::Status status = instance_->process(doc);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  doc.provenance.push_back({descriptor_->name, descriptor_->version, ms});
  return status;
}

Document& StageUnderTest::run(Document& doc) {
  const abi::Status status = process(doc);
  if (!status.ok) throw TestkitError("plugin '" + descriptor_->name + "' failed on document '" + doc.id + "': " + status.message);
  return doc;
}

abi::Status StageUnderTest::finish() { return instance_->finish(); }

PluginUnderTest PluginUnderTest::load(const fs::path& file) {
  try {
    const engine::LoadedPlugin& plugin = engine::load_plugin(file);
    return PluginUnderTest(plugin.file, plugin.factory);
  } catch (const engine::PluginLoadError& e) {
    throw TestkitError(e.what());
  }
}

PluginUnderTest PluginUnderTest::find(const std::string& name, const std::vector<fs::path>& folders) {
  std::string searched;
  for (const fs::path& folder : folders) {
    const fs::path file = folder / (name + ".so");
    std::error_code ec;
    if (fs::is_regular_file(file, ec)) return load(file);
    searched += (searched.empty() ? "" : ", ") + folder.string();
  }
  throw TestkitError("no plugin '" + name + "' (" + name + ".so) in " + (searched.empty() ? "no folder" : searched));
}

ParamValues PluginUnderTest::resolve_params(const Params& given) const {
  // The same rules as the engine's config validation, so a test cannot pass with parameters that a
  // real pipeline would refuse.
  const Descriptor& d = descriptor();
  std::string problems;
  auto problem = [&](const std::string& p) { problems += (problems.empty() ? "" : "; ") + p; };
  ParamValues values;
  for (const auto& [name, value] : given) {
    const ParamSpec* spec = nullptr;
    for (const ParamSpec& p : d.params)
      if (p.name == name) spec = &p;
    if (!spec) {
      problem("unknown parameter '" + name + "'");
      continue;
    }
    if (const std::string why = check_param(*spec, value); !why.empty()) {
      problem("parameter '" + name + "': " + why);
      continue;
    }
    values.set(name, value);
  }
  for (const ParamSpec& spec : d.params) {
    if (given.count(spec.name)) continue;
    if (spec.required)
      problem("needs parameter '" + spec.name + "' (" + spec.doc + ")");
    else
      values.set(spec.name, spec.default_value);
  }
  if (!problems.empty()) throw TestkitError("plugin '" + d.name + "': " + problems);
  return values;
}

StageUnderTest PluginUnderTest::create(const Params& params, StageOptions options) const {
  StageContext ctx;
  ctx.params = resolve_params(params);
  std::shared_ptr<const void> owned_dir;
  if (options.output_dir.empty()) {
    ctx.output_dir = make_temp_dir("docpipe-testkit-out");
    // Conformance runs start dozens of stages; their folders must not pile up in /tmp.
    if (!std::getenv("DOCPIPE_TESTKIT_KEEP"))
      owned_dir = std::shared_ptr<const void>(new fs::path(ctx.output_dir), [](const void* p) {
        const auto* dir = static_cast<const fs::path*>(p);
        std::error_code ec;
        fs::remove_all(*dir, ec);
        delete dir;
      });
  } else {
    ctx.output_dir = options.output_dir;
  }
  ctx.config_dir = options.config_dir.empty() ? fs::current_path() : options.config_dir;
  ctx.pipeline = options.pipeline;
  ctx.plugin = descriptor().name;
  ctx.worker = options.worker;
  ctx.workers = options.workers;
  std::unique_ptr<abi::StageInstance> instance;
  const abi::Status status = factory_->create(ctx, instance);
  if (!status.ok || !instance)
    throw TestkitError("plugin '" + descriptor().name + "' could not start: " +
                       (status.message.empty() ? "no instance" : status.message));
  return StageUnderTest(std::move(instance), descriptor(), ctx.output_dir, std::move(owned_dir));
}

}  // namespace docpipe::testkit
