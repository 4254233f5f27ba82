#include "program/incident_states.h"

#include <algorithm>

namespace chorus::program {
namespace {

template <size_t N>
bool OneOf(const std::string_view (&names)[N], std::string_view name) {
  return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

std::string Joined(const std::vector<std::string_view>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += i + 1 == names.size() ? " or " : ", ";
    out += names[i];
  }
  return out;
}

Outcome Invalid(std::string code, std::string message) {
  return Outcome::Fail(Failure::kInvalid, std::move(code), std::move(message));
}

}  // namespace

bool IsIncidentState(std::string_view state) {
  return OneOf(kIncidentStates, state);
}
bool IsIncidentOutcome(std::string_view outcome) {
  return OneOf(kIncidentOutcomes, outcome);
}
bool IsIncidentSeverity(std::string_view severity) {
  return OneOf(kIncidentSeverities, severity);
}

std::string_view SeverityForVerdict(std::string_view verdict) {
  return verdict == "block" ? "high" : "medium";
}

std::vector<std::string_view> NextIncidentStates(std::string_view from) {
  if (from == "open") return {"acknowledged"};
  if (from == "acknowledged") return {"remediating", "closed"};
  if (from == "remediating") return {"closed"};
  return {};
}

Outcome CheckIncidentTransition(std::string_view from, std::string_view to,
                                std::string_view outcome) {
  if (!IsIncidentState(to))
    return Invalid("invalid_state", "state must be open, acknowledged, remediating or closed");
  if (to == "closed") {
    if (!IsIncidentOutcome(outcome))
      return Invalid("invalid_outcome",
                     "closing an incident needs an outcome: corrected, deleted, apologised or "
                     "no_action");
  } else if (!outcome.empty()) {
    return Invalid("invalid_outcome", "only closing an incident takes an outcome");
  }
  const std::vector<std::string_view> next = NextIncidentStates(from);
  if (std::find(next.begin(), next.end(), to) == next.end()) {
    std::string message =
        "an incident that is " + std::string(from) + " cannot become " + std::string(to) + "; ";
    message +=
        next.empty() ? "a closed incident is final" : "it can become " + Joined(next) + " next";
    return Outcome::Fail(Failure::kConflict, "illegal_transition", message);
  }
  if (from == "acknowledged" && to == "closed" && outcome != "no_action")
    return Outcome::Fail(Failure::kConflict, "illegal_transition",
                         "an acknowledged incident closes straight away only with outcome "
                         "no_action; for " +
                             std::string(outcome) + " it is remediating first");
  return Outcome::Ok();
}

}  // namespace chorus::program
