// The incident state machine: every pair of states, with and without outcomes.
#include "program/incident_states.h"

#include <gtest/gtest.h>

namespace chorus::program {
namespace {

TEST(IncidentStatesTest, TheForwardPathIsAllowed) {
  EXPECT_TRUE(CheckIncidentTransition("open", "acknowledged", "").ok());
  EXPECT_TRUE(CheckIncidentTransition("acknowledged", "remediating", "").ok());
  for (std::string_view outcome : kIncidentOutcomes)
    EXPECT_TRUE(CheckIncidentTransition("remediating", "closed", outcome).ok()) << outcome;
  EXPECT_TRUE(CheckIncidentTransition("acknowledged", "closed", "no_action").ok());
}

TEST(IncidentStatesTest, EveryOtherMoveIsRefusedWithTheNextSteps) {
  int refused = 0;
  for (std::string_view from : kIncidentStates) {
    for (std::string_view to : kIncidentStates) {
      const std::string_view outcome = to == "closed" ? "corrected" : "";
      const Outcome o = CheckIncidentTransition(from, to, outcome);
      const bool allowed = (from == "open" && to == "acknowledged") ||
                           (from == "acknowledged" && to == "remediating") ||
                           (from == "remediating" && to == "closed");
      EXPECT_EQ(o.ok(), allowed) << from << " -> " << to;
      if (allowed) continue;
      ++refused;
      EXPECT_EQ(o.failure, Failure::kConflict) << from << " -> " << to;
      EXPECT_EQ(o.code, "illegal_transition");
      EXPECT_NE(o.message.find(std::string(from)), std::string::npos) << o.message;
    }
  }
  EXPECT_EQ(refused, 13);
  const Outcome skip = CheckIncidentTransition("open", "remediating", "");
  EXPECT_EQ(skip.message,
            "an incident that is open cannot become remediating; it can become acknowledged next");
  const Outcome final = CheckIncidentTransition("closed", "open", "");
  EXPECT_NE(final.message.find("a closed incident is final"), std::string::npos);
}

TEST(IncidentStatesTest, OnlyClosingTakesAnOutcomeAndItMustBeKnown) {
  EXPECT_EQ(CheckIncidentTransition("remediating", "closed", "").code, "invalid_outcome");
  EXPECT_EQ(CheckIncidentTransition("remediating", "closed", "fixed").code, "invalid_outcome");
  EXPECT_EQ(CheckIncidentTransition("open", "acknowledged", "deleted").code, "invalid_outcome");
  EXPECT_EQ(CheckIncidentTransition("open", "acknowledged", "deleted").failure, Failure::kInvalid);
  // Straight from acknowledged only when nothing was remediated.
  const Outcome skipped = CheckIncidentTransition("acknowledged", "closed", "apologised");
  EXPECT_EQ(skipped.code, "illegal_transition");
  EXPECT_NE(skipped.message.find("remediating first"), std::string::npos);
}

TEST(IncidentStatesTest, UnknownStatesAndSeverities) {
  EXPECT_EQ(CheckIncidentTransition("open", "done", "").code, "invalid_state");
  EXPECT_EQ(CheckIncidentTransition("open", "", "").code, "invalid_state");
  EXPECT_FALSE(IsIncidentState("Open"));
  EXPECT_TRUE(IsIncidentSeverity("high"));
  EXPECT_FALSE(IsIncidentSeverity("critical"));
  EXPECT_EQ(SeverityForVerdict("block"), "high");
  EXPECT_EQ(SeverityForVerdict("review"), "medium");
  EXPECT_TRUE(NextIncidentStates("closed").empty());
}

}  // namespace
}  // namespace chorus::program
