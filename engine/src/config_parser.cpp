#include <fstream>
#include <set>
#include <sstream>

#include <pugixml.hpp>

#include "pipeline_config.hpp"

namespace docpipe::engine {

namespace fs = std::filesystem;

namespace {

std::string render(const fs::path& file, const std::vector<ConfigIssue>& issues) {
  std::string out;
  for (const auto& issue : issues) {
    if (!out.empty()) out += "\n";
    out += format_location(file.string(), issue.where) + ": " + issue.message;
  }
  return out;
}

// Collects issues while walking the tree, each with the line and column of its node.
class Parser {
 public:
  Parser(const std::string& xml, fs::path file) : xml_(xml), file_(std::move(file)) {}

  PipelineConfig parse() {
    pugi::xml_document doc;
    // No DTD processing happens in pugixml, so entity-expansion bombs cannot expand.
    const pugi::xml_parse_result result = doc.load_buffer(xml_.data(), xml_.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!result) {
      issues_.push_back({line_column(xml_, static_cast<std::size_t>(result.offset)),
                         std::string("malformed XML: ") + result.description()});
      throw ConfigError(file_, issues_);
    }
    PipelineConfig config;
    config.file = file_;
    pugi::xml_node root = doc.document_element();
    if (std::string(root.name()) != "pipeline") {
      issue(root, "the root element must be <pipeline>, found <" + std::string(root.name()) + ">");
      throw ConfigError(file_, issues_);
    }
    check_attributes(root, {"name"});
    config.name = root.attribute("name").as_string();
    if (config.name.empty()) issue(root, "<pipeline> needs a name attribute, e.g. <pipeline name=\"gov-report\">");
    for (pugi::xml_node child : root.children()) {
      if (child.type() != pugi::node_element) {
        if (child.type() == pugi::node_pcdata && !blank(child.value()))
          issue(child, "unexpected text inside <pipeline>: elements allowed are <plugins> and <stage>");
        continue;
      }
      const std::string name = child.name();
      if (name == "plugins") {
        parse_plugins(child, config);
      } else if (name == "stage") {
        config.stages.push_back(parse_stage(child));
      } else {
        issue(child, "unknown element <" + name + "> in <pipeline>: elements allowed are <plugins> and <stage>");
      }
    }
    if (config.stages.empty() && issues_.empty()) issue(root, "the pipeline has no <stage>");
    if (!issues_.empty()) throw ConfigError(file_, issues_);
    return config;
  }

 private:
  static bool blank(const char* s) {
    for (; *s; ++s)
      if (!std::isspace(static_cast<unsigned char>(*s))) return false;
    return true;
  }

  // pugixml points at an element's name; people count from its '<'.
  LineColumn where(const pugi::xml_node& node) const {
    auto offset = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, node.offset_debug()));
    if (node.type() == pugi::node_element && offset > 0 && offset <= xml_.size() && xml_[offset - 1] == '<') --offset;
    return line_column(xml_, offset);
  }

  void issue(const pugi::xml_node& node, std::string message) { issues_.push_back({where(node), std::move(message)}); }

  void check_attributes(const pugi::xml_node& node, std::initializer_list<const char*> allowed) {
    for (pugi::xml_attribute a : node.attributes()) {
      bool ok = false;
      std::string list;
      for (const char* name : allowed) {
        ok = ok || a.name() == std::string(name);
        list += (list.empty() ? "" : ", ") + std::string(name);
      }
      if (!ok)
        issue(node, "unknown attribute '" + std::string(a.name()) + "' on <" + node.name() + ">: allowed: " +
                        (list.empty() ? "none" : list));
    }
  }

  void parse_plugins(const pugi::xml_node& node, PipelineConfig& config) {
    check_attributes(node, {"path"});
    const std::string path = node.attribute("path").as_string();
    if (path.empty()) {
      issue(node, "<plugins> needs a path attribute, e.g. <plugins path=\"build/plugins\"/>");
      return;
    }
    fs::path folder(path);
    if (folder.is_relative()) folder = file_.parent_path() / folder;
    config.plugin_folders.push_back(folder.lexically_normal());
  }

  StageConfig parse_stage(const pugi::xml_node& node) {
    check_attributes(node, {"plugin"});
    StageConfig stage;
    stage.where = where(node);
    stage.plugin = node.attribute("plugin").as_string();
    if (stage.plugin.empty()) issue(node, "<stage> needs a plugin attribute, e.g. <stage plugin=\"section-split\"/>");
    std::set<std::string> seen;
    for (pugi::xml_node child : node.children()) {
      if (child.type() != pugi::node_element) {
        if (child.type() == pugi::node_pcdata && !blank(child.value()))
          issue(child, "unexpected text inside <stage>: only <param> elements are allowed");
        continue;
      }
      if (std::string(child.name()) != "param") {
        issue(child, "unknown element <" + std::string(child.name()) + "> in <stage>: only <param> is allowed");
        continue;
      }
      check_attributes(child, {"name", "value"});
      ParamSetting p;
      p.where = where(child);
      p.name = child.attribute("name").as_string();
      p.value = child.attribute("value") ? child.attribute("value").as_string() : child.text().as_string();
      if (p.name.empty()) {
        issue(child, "<param> needs a name attribute");
        continue;
      }
      if (!seen.insert(p.name).second) {
        issue(child, "parameter '" + p.name + "' is set twice for stage '" + stage.plugin + "'");
        continue;
      }
      stage.params.push_back(std::move(p));
    }
    return stage;
  }

  const std::string& xml_;
  fs::path file_;
  std::vector<ConfigIssue> issues_;
};

}  // namespace

ConfigError::ConfigError(const fs::path& file, std::vector<ConfigIssue> issues)
    : std::runtime_error(render(file, issues)), issues_(std::move(issues)) {}

PipelineConfig parse_config_text(const std::string& xml, const fs::path& file) { return Parser(xml, file).parse(); }

PipelineConfig parse_config_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ConfigError(file, {{{}, "cannot read the config file"}});
  std::ostringstream ss;
  ss << in.rdbuf();
  fs::path absolute = fs::absolute(file);
  return parse_config_text(ss.str(), file.is_absolute() ? file : absolute.lexically_normal());
}

}  // namespace docpipe::engine
