// Unit tests of stages 2 to 4 on the model rather than on text: where a body
// goes between its suspensions (the analysis's graph), the FrameModel the
// lowering builds from it, and the Graphviz emitter that draws a model.
#include "lib_parsed.h"

#include "emit/DotEmitter.h"
#include "lower/Lowering.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using namespace clang;
using awaitc::test::Analysed;

/// The model of the function \p A analysed.
std::optional<awaitc::FrameModel> lower(Analysed &A) {
  awaitc::TransformedLambdas None;
  return awaitc::lowerFunction(A.analysis(), A.source(), A.context(),
                               A.diagnoser(), "f_frame", "", None);
}

TEST(Transitions, AGeneratorGoesOnAfterItsYield) {
  // YIELD expands to a `return`: the graph must still go on after it.
  Analysed A(R"(
    AWAITC_GENERATOR awaitc::Generator<int> f(int n) {
      YIELD(1);
      for (int i = 0; i < n; ++i)
        YIELD(i);
    }
  )",
             "f");
  ASSERT_TRUE(A.ok());
  const awaitc::SuspensionGraph &G = A.analysis().transitions();
  const auto &Markers = A.analysis().markers();
  ASSERT_EQ(Markers.size(), 2u);
  EXPECT_EQ(G.FromStart.Suspends, std::vector<const CallExpr *>{Markers[0]});
  EXPECT_FALSE(G.FromStart.Returns);
  const awaitc::Exits &AfterFirst = G.FromResume.lookup(Markers[0]);
  EXPECT_EQ(AfterFirst.Suspends, std::vector<const CallExpr *>{Markers[1]});
  EXPECT_TRUE(AfterFirst.Returns); // n == 0
  const awaitc::Exits &InLoop = G.FromResume.lookup(Markers[1]);
  EXPECT_EQ(InLoop.Suspends, std::vector<const CallExpr *>{Markers[1]});
  EXPECT_TRUE(InLoop.Returns);
  EXPECT_FALSE(InLoop.Throws);
}

TEST(Transitions, AHandlerIsReachedFromWhatMayThrowInItsTry) {
  Analysed A(R"(
    void g();
    void h() noexcept;
    AWAITC_ASYNC awaitc::Coro<int> f() {
      try { h(); } catch (...) { AWAIT(one()); }   // h cannot throw
      try { g(); } catch (...) { AWAIT(one()); }   // g can
      return 0;
    }
  )",
             "f");
  ASSERT_TRUE(A.ok());
  const auto &Markers = A.analysis().markers();
  ASSERT_EQ(Markers.size(), 2u);
  const awaitc::SuspensionGraph &G = A.analysis().transitions();
  EXPECT_EQ(G.FromStart.Suspends, std::vector<const CallExpr *>{Markers[1]});
  EXPECT_TRUE(G.FromStart.Returns);
  EXPECT_FALSE(G.FromStart.Throws); // everything is caught
  // A failure of the AWAIT in a handler leaves the function.
  EXPECT_TRUE(G.FromResume.lookup(Markers[1]).Throws);
}

TEST(Lowering, TheModelHasAStatePerSuspensionWithItsLineAndExits) {
  Analysed A(R"(
    AWAITC_ASYNC awaitc::Coro<int> f(int n) {
      std::string log = "x";
      int sum = 0;
      for (int i = 0; i < n; ++i)
        sum += AWAIT(one());
      log += "y";
      return sum + AWAIT(one());
    }
  )",
             "f");
  ASSERT_TRUE(A.ok());
  std::optional<awaitc::FrameModel> M = lower(A);
  ASSERT_TRUE(M);
  EXPECT_EQ(M->FunctionName, "f");
  ASSERT_EQ(M->States.size(), 2u);
  // Lines count from the test's prelude of three lines.
  EXPECT_EQ(M->States[0].Line, 9u);
  EXPECT_EQ(M->States[0].Marker, "AWAIT(one())");
  EXPECT_EQ(M->States[1].Line, 11u);
  EXPECT_EQ(M->Start.Suspends, (std::vector<int>{1, 2}));
  EXPECT_FALSE(M->Start.Returns);
  EXPECT_EQ(M->States[0].Exits.Suspends, (std::vector<int>{1, 2}));
  EXPECT_TRUE(M->States[1].Exits.Returns);
  EXPECT_TRUE(M->States[1].Exits.Suspends.empty());
  // The locals live across the suspensions: the string needs its
  // destructor run by hand, the ints are plain members.
  auto Slot = [&](llvm::StringRef Name) -> const awaitc::FrameSlot * {
    for (const awaitc::FrameSlot &S : M->Slots)
      if (S.Name == Name)
        return &S;
    return nullptr;
  };
  ASSERT_TRUE(Slot("log") && Slot("sum") && Slot("i"));
  EXPECT_EQ(Slot("log")->Kind, awaitc::FrameSlot::Storage::Manual);
  EXPECT_TRUE(Slot("log")->NeedsDestruction);
  EXPECT_EQ(Slot("sum")->Kind, awaitc::FrameSlot::Storage::Plain);
  // What is alive at a state is what its destructor destroys: the string
  // and the awaiter, not the ints.
  auto Live = [&](int State) {
    std::vector<std::string> Names;
    for (unsigned Index : M->States[State - 1].Live)
      Names.push_back(M->Slots[Index].Name);
    return Names;
  };
  EXPECT_EQ(Live(1), (std::vector<std::string>{"log", "await_1"}));
  EXPECT_EQ(Live(2), (std::vector<std::string>{"log", "await_2"}));
}

TEST(DotEmitter, DrawsEveryStateAndTransitionOfTheModel) {
  awaitc::FrameModel M;
  M.FunctionName = "fetch_all";
  M.FunctionLine = 3;
  M.Start.Suspends = {1};
  awaitc::SuspendState S;
  S.Id = 1;
  S.Line = 5;
  S.Marker = "AWAIT(get(\"a\\b\"))";
  S.Exits.Suspends = {1};
  S.Exits.Returns = true;
  S.Exits.Throws = true;
  M.States.push_back(S);
  std::string Dot = awaitc::emitDot({M}, "in.cpp");
  auto Has = [&](const std::string &Line) {
    return Dot.find(Line + "\n") != std::string::npos;
  };
  EXPECT_TRUE(Has("digraph \"in.cpp\" {")) << Dot;
  EXPECT_TRUE(Has("    label=\"fetch_all()\";")) << Dot;
  EXPECT_TRUE(Has("    f1_start [shape=oval, label=\"start\\nline 3\"];"));
  // Quotes and backslashes of the user's text are escaped.
  EXPECT_TRUE(Has("    f1_s1 [shape=box, label=\"state 1\\nline 5: "
                  "AWAIT(get(\\\"a\\\\b\\\"))\"];"))
      << Dot;
  EXPECT_TRUE(Has("    f1_start -> f1_s1 [label=\"suspend\"];"));
  EXPECT_TRUE(Has("    f1_s1 -> f1_s1 [label=\"resume, suspend\"];"));
  EXPECT_TRUE(Has("    f1_s1 -> f1_done [label=\"resume, returns\"];"));
  EXPECT_TRUE(
      Has("    f1_s1 -> f1_threw [style=dashed, label=\"resume, throw\"];"));
  // The start can neither return nor throw here: no such edge.
  EXPECT_EQ(Dot.find("f1_start -> f1_done"), std::string::npos);
  EXPECT_EQ(Dot.find("f1_start -> f1_threw"), std::string::npos);
}

} // namespace
