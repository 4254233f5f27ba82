// The life of an incident, as plain rules (program/incidents.h applies them):
//
//   open ──▶ acknowledged ──▶ remediating ──▶ closed (corrected | deleted | apologised | no_action)
//                  └──────────────────────────▶ closed (no_action only: nothing was remediated)
//
// Closed is final. Every other move is refused: CheckIncidentTransition answers kConflict
// "illegal_transition" with a message that names the moves the current state allows, and
// kInvalid for an unknown state ("invalid_state") or a missing, unknown or misplaced outcome
// ("invalid_outcome"). Severities are low, medium and high; a post's verdict gives the first
// one (block: high, review: medium).
//
// Thread-safety: pure functions over constant tables.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "program/outcome.h"

namespace chorus::program {

inline constexpr std::string_view kIncidentStates[] = {"open", "acknowledged", "remediating",
                                                       "closed"};
inline constexpr std::string_view kIncidentOutcomes[] = {"corrected", "deleted", "apologised",
                                                         "no_action"};
inline constexpr std::string_view kIncidentSeverities[] = {"low", "medium", "high"};

bool IsIncidentState(std::string_view state);
bool IsIncidentOutcome(std::string_view outcome);
bool IsIncidentSeverity(std::string_view severity);

// The severity an incident opens with for a post of `verdict` (block: high, else medium).
std::string_view SeverityForVerdict(std::string_view verdict);

// The states `from` may move to (empty for closed).
std::vector<std::string_view> NextIncidentStates(std::string_view from);

// Ok when an incident in state `from` may move to `to` with `outcome` ("" unless closing).
Outcome CheckIncidentTransition(std::string_view from, std::string_view to,
                                std::string_view outcome);

}  // namespace chorus::program
