// Small helpers shared by the YAML readers of packs and policies: reading scalars and lists
// with errors that name the line and column (1-based) of the offending node.
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

// Parses YAML text into a node; a syntax error carries yaml-cpp's line and column.
Status ParseYaml(std::string_view text, YAML::Node* out);

}  // namespace chorus::yaml
