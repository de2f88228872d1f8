#include "commands.hpp"

namespace docpipe::cli {

std::string main_help() {
  return R"(usage: docpipe COMMAND [ARGS]

Runs pipelines of plugins, described in XML, over Chinese official documents.

Commands:
  run CONFIG INPUT... [-o OUTDIR] [-j N]   run the pipeline over the inputs
  validate CONFIG                          check a pipeline config and its plugins, run nothing
  merge OUT_1 ... OUT_N -o OUT            merge the output folders of a sharded run
  plugins list                             list the installed plugins
  plugins inspect NAME                     show a plugin's descriptor and parameters
  new-plugin NAME [--kind K] [--dir D]     write a ready-to-build plugin folder and its test
  --help, --version

INPUT is any mix of files, folders (searched recursively for .txt .md .htm .html), .jsonl files (one
{"id": ..., "text": ...} document per line) and - for standard input.

Plugins are searched in: <plugins path="..."> of the config, --plugin-path DIR, DOCPIPE_PLUGIN_PATH
(colon-separated), then ../plugins and ../lib/docpipe/plugins next to the executable.

Exit codes: 0 all documents ok, 1 some documents failed, 2 usage or config error.
Run 'docpipe COMMAND --help' for a command's options.
)";
}

}  // namespace docpipe::cli
