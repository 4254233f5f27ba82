#include "policy/yaml_util.h"

#include <yaml-cpp/eventhandler.h>

#include <sstream>

#include "base/capped_read.h"

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

namespace {

// Thrown out of the event parser to stop it at the first limit passed.
struct SizeLimitPassed {
  Status status;
};

// Counts nodes and text bytes as a tree walker would meet them: an alias adds everything
// under the node it names again.
class SizeCounter : public YAML::EventHandler {
 public:
  explicit SizeCounter(const YamlLimits& limits) : limits_(limits) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { Leaf(mark, anchor, 0); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string& value) override {
    Leaf(mark, anchor, value.size());
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    if (anchor >= anchors_.size() || !anchors_[anchor].complete) {
      throw SizeLimitPassed{ErrorAt(mark, "an alias refers to a node that contains it (a cycle)")};
    }
    // Saturating: an alias's size was checked when it was added, so the sums stay below
    // twice the limits.
    nodes_ += anchors_[anchor].nodes;
    bytes_ += anchors_[anchor].bytes;
    Check(mark);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(mark, anchor);
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(mark, anchor);
  }
  void OnMapEnd() override { Close(); }

 private:
  struct Anchored {
    size_t nodes = 0, bytes = 0;
    bool complete = false;
  };
  struct OpenCollection {
    YAML::anchor_t anchor;
    size_t nodes_before, bytes_before;
  };

  static Status ErrorAt(const YAML::Mark& mark, const std::string& message) {
    return Status::Error(message, mark.line + 1, mark.column + 1);
  }

  Anchored& AnchorSlot(YAML::anchor_t anchor) {
    if (anchor >= anchors_.size()) anchors_.resize(anchor + 1);
    return anchors_[anchor];
  }

  void Leaf(const YAML::Mark& mark, YAML::anchor_t anchor, size_t bytes) {
    ++written_;
    ++nodes_;
    bytes_ += bytes;
    if (anchor != YAML::NullAnchor) AnchorSlot(anchor) = {1, bytes, true};
    Check(mark);
  }

  void Open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    ++written_;
    ++nodes_;
    if (anchor != YAML::NullAnchor) AnchorSlot(anchor) = {};
    open_.push_back({anchor, nodes_ - 1, bytes_});
    Check(mark);
  }

  void Close() {
    if (open_.empty()) return;
    const OpenCollection done = open_.back();
    open_.pop_back();
    if (done.anchor != YAML::NullAnchor)
      AnchorSlot(done.anchor) = {nodes_ - done.nodes_before, bytes_ - done.bytes_before, true};
  }

  void Check(const YAML::Mark& mark) const {
    if (written_ > limits_.max_nodes) {
      throw SizeLimitPassed{
          ErrorAt(mark, "the file has more than " + std::to_string(limits_.max_nodes) + " values")};
    }
    if (nodes_ > limits_.max_expanded_nodes) {
      throw SizeLimitPassed{ErrorAt(mark, "aliases (*name) expand the file to more than " +
                                              std::to_string(limits_.max_expanded_nodes) +
                                              " values")};
    }
    if (bytes_ > limits_.max_expanded_bytes) {
      throw SizeLimitPassed{ErrorAt(mark, "aliases (*name) expand the file to more than " +
                                              DescribeBytes(limits_.max_expanded_bytes) +
                                              " of text")};
    }
  }

  const YamlLimits& limits_;
  std::vector<Anchored> anchors_;  // by yaml-cpp's anchor number (1-based)
  std::vector<OpenCollection> open_;
  size_t written_ = 0, nodes_ = 0, bytes_ = 0;
};

Status ParseError(const YAML::Exception& e) {
  if (e.mark.is_null()) return Status::Error(e.msg);
  return Status::Error(e.msg, e.mark.line + 1, e.mark.column + 1);
}

}  // namespace

Status CheckYamlSize(std::string_view text, const YamlLimits& limits) {
  std::istringstream in{std::string(text)};
  try {
    YAML::Parser parser(in);
    SizeCounter counter(limits);
    parser.HandleNextDocument(counter);
  } catch (const SizeLimitPassed& passed) {
    return passed.status;
  } catch (const YAML::Exception& e) {
    return ParseError(e);
  }
  return Status::Ok();
}

Status ParseYaml(std::string_view text, YAML::Node* out) {
  if (Status s = CheckYamlSize(text); !s.ok()) return s;
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
