#include "run_report.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "docpipe/atomic_file.hpp"

namespace docpipe::engine {

void write_run_report(const std::filesystem::path& path, const ResolvedPipeline& pipeline, const RunSummary& summary) {
  Poco::JSON::Object report(Poco::JSON_PRESERVE_KEY_ORDER);
  report.set("schema", "docpipe.run-report/1");
  report.set("pipeline", pipeline.config.name);
  report.set("config", pipeline.config.file.string());
  Poco::JSON::Array stages;
  for (const auto& s : pipeline.stages) {
    Poco::JSON::Object stage(Poco::JSON_PRESERVE_KEY_ORDER);
    stage.set("plugin", s.plugin->descriptor().name);
    stage.set("version", s.plugin->descriptor().version);
    stage.set("file", s.plugin->file.string());
    stages.add(stage);
  }
  report.set("stages", stages);
  report.set("documents_ok", summary.ok);
  report.set("documents_failed", summary.failed);
  report.set("documents_reused", summary.kept);
  report.set("inputs_outside_shard", summary.outside_shard);
  report.set("interrupted_by_signal", summary.interrupted_by);
  report.set("worker_processes_started", summary.worker_starts);
  report.set("bytes", summary.bytes);
  report.set("seconds", summary.seconds);
  report.set("mb_per_second", summary.mb_per_second());
  std::vector<DocumentFailure> failures = summary.failures;
  std::sort(failures.begin(), failures.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  Poco::JSON::Array list;
  for (const auto& f : failures) {
    Poco::JSON::Object item(Poco::JSON_PRESERVE_KEY_ORDER);
    item.set("id", f.id);
    item.set("source", f.source);
    item.set("stage", f.stage);
    item.set("stage_index", f.stage_index);
    item.set("error", f.error);
    list.add(item);
  }
  report.set("failures", list);
  Poco::JSON::Array finish_errors;
  for (const auto& e : summary.finish_errors) finish_errors.add(e);
  report.set("finish_errors", finish_errors);
  std::ostringstream out;
  report.stringify(out, 2);
  out << "\n";
  write_file_atomically(path, out.str());
}

std::string format_summary(const RunSummary& summary, const std::filesystem::path& output_dir) {
  char line[256];
  std::snprintf(line, sizeof line, "docpipe: %zu documents ok, %zu failed, %.2f MB in %.2f s (%.1f MB/s); outputs in %s\n",
                summary.ok, summary.failed, summary.bytes / 1e6, summary.seconds, summary.mb_per_second(),
                output_dir.string().c_str());
  std::string out = line;
  for (const auto& e : summary.finish_errors) out += "docpipe: a stage failed at the end of the run: " + e + "\n";
  if (summary.failed) out += "docpipe: failures are listed in " + (output_dir / "run-report.json").string() + "\n";
  return out;
}

}  // namespace docpipe::engine
