// Small helpers shared by the YAML readers of packs and policies: parsing within size limits,
// reading scalars and lists with errors that name the line and column (1-based) of the
// offending node.
// Thread-safety: stateless functions.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "base/status.h"

namespace chorus::yaml {

// An error located at `node` (line and column 1-based).
Status ErrorAt(const YAML::Node& node, const std::string& message);

// Reads a scalar string; error if the node is not a scalar.
Status ReadString(const YAML::Node& node, const std::string& what, std::string* out);

// Reads a list of non-empty strings; a single scalar is accepted as a one-element list.
Status ReadStringList(const YAML::Node& node, const std::string& what,
                      std::vector<std::string>* out);

// How large a YAML document may be once aliases are followed. yaml-cpp shares an aliased node
// but every reader that walks the tree (lint, load, the form) meets it once per alias, so a
// small file of aliases to aliases ("billion laughs") or to one long text can make readers
// build gigabytes. Every node counts once where it is written and once more for each alias
// that reaches it.
struct YamlLimits {
  size_t max_nodes = 250'000;           // nodes written in the file
  size_t max_expanded_nodes = 250'000;  // nodes a reader meets, aliases followed
  size_t max_expanded_bytes = 4 << 20;  // bytes of text a reader meets, aliases followed
};

// Walks the first document of `text` with yaml-cpp's event parser (nothing is built) and
// refuses it, with the line and column where a limit was passed, when it is larger than
// `limits` allow or an alias refers to a node that contains it (a cycle). A syntax error is
// reported as ParseYaml reports it.
Status CheckYamlSize(std::string_view text, const YamlLimits& limits = {});

// Parses YAML text into a node after CheckYamlSize with the default limits; a syntax error
// carries yaml-cpp's line and column. Every policy and language-pack reader parses here.
Status ParseYaml(std::string_view text, YAML::Node* out);

}  // namespace chorus::yaml
