// Unit tests of stages 2 to 4 on the model rather than on text: where a body
// goes between its suspensions (the analysis's graph), the FrameModel the
// lowering builds from it, and the emitters that print and draw a model.
#include "lib_parsed.h"

#include "emit/DotEmitter.h"
#include "emit/Emitter.h"
#include "lower/Lowering.h"
#include "support/LineDirectives.h"

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

/// The shape of step()'s body: each suspension as "S<state>", each block
/// as "{...}" after the names of the slots it guards and its entry label
/// ("@" when the owning statement places it); the text is left out.
std::string shape(const awaitc::FrameModel &M, const awaitc::StepCode &Code) {
  std::string Out;
  for (const awaitc::StepPiece &Piece : Code.pieces()) {
    if (const auto *Point = std::get_if<awaitc::Suspension>(&Piece)) {
      Out += " S" + std::to_string(Point->State);
      continue;
    }
    const auto *Block =
        std::get_if<std::shared_ptr<const awaitc::StepBlock>>(&Piece);
    if (!Block)
      continue;
    Out += " ";
    for (unsigned Slot : (*Block)->Guarded)
      Out += M.Slots[Slot].Name + ":";
    if (!(*Block)->EntryLabel.empty())
      Out += ((*Block)->EntryOutside ? "@" : "") + (*Block)->EntryLabel;
    Out += "{" + shape(M, (*Block)->Body) + " }";
  }
  return Out;
}

TEST(Lowering, StepIsATreeOfBlocksAndSuspensions) {
  Analysed A(R"(
    void g();
    AWAITC_ASYNC awaitc::Coro<int> f(int n) {
      int sum = AWAIT(one());
      for (int i = 0; i < n; ++i) {
        std::string s = "x";
        if (i > 1) { std::string t = "y"; }
        sum += AWAIT(one());
      }
      try { g(); AWAIT(one()); } catch (...) {}
      return sum;
    }
  )",
             "f");
  ASSERT_TRUE(A.ok());
  std::optional<awaitc::FrameModel> M = lower(A);
  ASSERT_TRUE(M);
  // The loop is a block for its init around the user's body, which guards
  // the string it declares and the awaiter; a block without a suspension
  // (the if's) is text. The try block, inside a block of the statement's
  // own, is entered through a label placed before `try`.
  EXPECT_EQ(shape(*M, M->StepBody.Body),
            " S1 enter_2_2{ s:await_2:enter_2{ S2 } }"
            " enter_3_2{ await_3:@enter_3{ S3 } }");
  EXPECT_EQ(M->ResumeVariable, "resume_at");
  // The body's own guard: the awaiter of the first AWAIT.
  ASSERT_EQ(M->StepBody.Guarded.size(), 1u);
  EXPECT_EQ(M->Slots[M->StepBody.Guarded[0]].Name, "await_1");
  // Each suspension knows the user's line and column of its marker (lines
  // count from the test's prelude of three lines).
  const auto &Pieces = M->StepBody.Body.pieces();
  const auto *First = std::get_if<awaitc::Suspension>(&Pieces[1]);
  ASSERT_TRUE(First);
  EXPECT_EQ(First->Line, 7u);
  EXPECT_EQ(First->Column, 17u);
  EXPECT_EQ(First->ResumeLabel, "resume_1");
  // The try block's closing brace is the user's: the handler follows it.
  using BlockPtr = std::shared_ptr<const awaitc::StepBlock>;
  auto IsBlock = [](const awaitc::StepPiece &P) {
    return std::holds_alternative<BlockPtr>(P);
  };
  auto Statement = std::find_if(Pieces.rbegin(), Pieces.rend(), IsBlock);
  ASSERT_NE(Statement, Pieces.rend());
  const auto &Inside = std::get<BlockPtr>(*Statement)->Body.pieces();
  auto Try = std::find_if(Inside.begin(), Inside.end(), IsBlock);
  ASSERT_NE(Try, Inside.end());
  EXPECT_EQ(std::get<BlockPtr>(*Try)->CloseLine, 13u);
  EXPECT_EQ(std::get<BlockPtr>(*Try)->CloseColumn, 32u);
  // The other blocks' braces are generated.
  EXPECT_EQ(std::get<BlockPtr>(*Statement)->CloseLine, 0u);
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

TEST(Emitter, DerivesEachBlocksDispatchFromTheTree) {
  // A body that suspends in state 1, then in a nested block in states 2
  // and 3; a string alive everywhere, guarded by the body.
  awaitc::FrameModel M;
  M.FunctionName = "f";
  M.ClassName = "f_frame";
  M.BaseClass = "awaitc::detail::CoroFrame<void>";
  M.ReturnType = "awaitc::Coro<void>";
  M.DefinitionHead = "awaitc::Coro<void> f()";
  M.ResumeVariable = "resume_at";
  awaitc::FrameSlot S;
  S.Name = "s";
  S.Type = "std::string";
  S.NeedsDestruction = true;
  S.Guard = "s_guard";
  M.Slots.push_back(S);
  for (int Id = 1; Id <= 3; ++Id) {
    awaitc::SuspendState State;
    State.Id = Id;
    State.Live = {0};
    M.States.push_back(State);
  }
  auto Suspend = [](int State) {
    awaitc::Suspension Point;
    Point.State = State;
    Point.ResumeLabel = "resume_" + std::to_string(State);
    Point.Line = 1;
    return awaitc::StepCode(Point);
  };
  awaitc::StepBlock Inner;
  Inner.EntryLabel = "enter_2";
  Inner.Body = Suspend(2) + "g();\n" + Suspend(3);
  M.StepBody.Guarded = {0};
  M.StepBody.Body = "a();\n" + Suspend(1) + "if (b) " + Inner + "\n";
  awaitc::LineDirectiveOptions NoLines;
  NoLines.Emit = false;
  std::string C = awaitc::resolveLineMarks(awaitc::emitFunction(M), NoLines);
  auto Has = [&](const std::string &Line) {
    return C.find(Line + "\n") != std::string::npos;
  };
  // The body re-arms the guard of what is alive, then jumps to a
  // suspension of its own, or into the nested block for a range of states.
  EXPECT_TRUE(Has("    int resume_at = this->awaitc_state_;")) << C;
  EXPECT_TRUE(Has("    awaitc::detail::LocalGuard<std::string> s_guard(*this, "
                  "s);"))
      << C;
  EXPECT_TRUE(Has("    case 1: s_guard.arm(); resume_at = 0; goto resume_1;"))
      << C;
  EXPECT_TRUE(Has("    if (resume_at >= 2 && resume_at <= 3) { s_guard.arm(); "
                  "goto enter_2; }"))
      << C;
  // The nested block is entered by its label, and dispatches to its own
  // suspensions; it guards nothing.
  EXPECT_TRUE(Has("      enter_2:;")) << C;
  EXPECT_TRUE(Has("      case 2: resume_at = 0; goto resume_2;")) << C;
  EXPECT_TRUE(Has("      case 3: resume_at = 0; goto resume_3;")) << C;
  EXPECT_EQ(C.find("goto enter_2;", C.find("enter_2:;")), std::string::npos);
  // Each suspension returns, and resumes at its label.
  EXPECT_TRUE(Has("return;\n      resume_2:;")) << C;
}

} // namespace
