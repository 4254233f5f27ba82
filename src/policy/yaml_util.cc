#include "policy/yaml_util.h"

namespace chorus::yaml {

Status ErrorAt(const YAML::Node& node, const std::string& message) {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) return Status::Error(message);
  return Status::Error(message, mark.line + 1, mark.column + 1);
}

Status ReadString(const YAML::Node& node, const std::string& what, std::string* out) {
  if (!node.IsScalar()) return ErrorAt(node, what + " must be a text value");
  *out = node.Scalar();
  return Status::Ok();
}

Status ReadStringList(const YAML::Node& node, const std::string& what,
                      std::vector<std::string>* out) {
  out->clear();
  if (node.IsNull()) return Status::Ok();
  if (node.IsScalar()) {
    if (!node.Scalar().empty()) out->push_back(node.Scalar());
    return Status::Ok();
  }
  if (!node.IsSequence()) return ErrorAt(node, what + " must be a list");
  for (const auto& item : node) {
    if (!item.IsScalar()) return ErrorAt(item, "each entry of " + what + " must be a text value");
    if (item.Scalar().empty()) return ErrorAt(item, "empty entry in " + what);
    out->push_back(item.Scalar());
  }
  return Status::Ok();
}

Status ParseYaml(std::string_view text, YAML::Node* out) {
  try {
    *out = YAML::Load(std::string(text));
  } catch (const YAML::ParserException& e) {
    return Status::Error(e.msg, e.mark.line + 1, e.mark.column + 1);
  } catch (const YAML::Exception& e) {
    return Status::Error(e.msg, e.mark.is_null() ? 0 : e.mark.line + 1,
                         e.mark.is_null() ? 0 : e.mark.column + 1);
  }
  return Status::Ok();
}

}  // namespace chorus::yaml
