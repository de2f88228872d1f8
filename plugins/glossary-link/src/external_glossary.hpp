#pragma once
/// @file external_glossary.hpp
/// A user's policy-term dictionary: TSV (`term<TAB>definition<TAB>alias|alias`) or XML
/// (`<glossary><entry term="…"><definition>…</definition><alias>…</alias></entry></glossary>`).

#include <filesystem>
#include <string_view>
#include <vector>

#include "docpipe/glossary.hpp"

namespace docpipe::glossary_link {

/// Parses TSV text: one entry per line, `#` comments and blank lines skipped, an optional header line
/// starting with `term`; aliases separated by `|`. @p origin is stored in each entry. Throws
/// std::runtime_error naming the line of a malformed entry (one without a term).
std::vector<GlossaryEntry> parse_glossary_tsv(std::string_view text, const std::string& origin);

/// Parses XML text: `<entry>` elements anywhere, the term in a `term` attribute or `<term>` child,
/// the definition in a `definition` attribute or `<definition>` child, any number of `<alias>`
/// children (or an `aliases` attribute separated by `|`). Throws std::runtime_error on malformed XML.
std::vector<GlossaryEntry> parse_glossary_xml(std::string_view text, const std::string& origin);

/// Loads @p path, as XML when its name ends in `.xml` or its text starts with `<`, else as TSV.
/// Throws std::runtime_error when it cannot be read or parsed.
std::vector<GlossaryEntry> load_external_glossary(const std::filesystem::path& path);

}  // namespace docpipe::glossary_link
