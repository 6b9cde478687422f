// Unit tests of stage 2, the analysis of one annotated body, on in-memory
// code: which statements suspend, which locals live across a suspension
// (and so move into the frame), the names generated code may use, the
// questions the analysis answers about templates and conversions, and what
// it refuses before lowering starts.
#include "lib_parsed.h"

#include "analyse/Conversions.h"
#include "analyse/Instantiations.h"
#include "analyse/LambdaUses.h"
#include "analyse/Legality.h"
#include "lower/TypeSpelling.h"

#include "clang/Frontend/TextDiagnosticBuffer.h"

#include <gtest/gtest.h>

namespace {

using namespace clang;
using awaitc::test::Analysed;

TEST(Hoisting, OnlyLocalsInScopeAtALaterSuspensionMoveIntoTheFrame) {
  Analysed A(R"(
    AWAITC_ASYNC awaitc::Coro<int> f(int p) {
      int before = p;            // in scope at the AWAIT below
      { int done = 1; (void)done; }  // its scope ends first
      int used = before + AWAIT(one());
      int after = used + 1;      // declared after the last suspension
      return after;
    }
  )",
             "f");
  ASSERT_TRUE(A.ok());
  EXPECT_TRUE(A.hoisted("before"));
  EXPECT_FALSE(A.hoisted("done"));
  // A marker in its own initializer does not keep it: it is constructed
  // after the suspension.
  EXPECT_FALSE(A.hoisted("used"));
  EXPECT_FALSE(A.hoisted("after"));
}

TEST(Hoisting, ALoopBodyLocalLivesAcrossTheSuspensionOfItsIteration) {
  Analysed A(R"(
    AWAITC_ASYNC awaitc::Coro<int> f(int n) {
      int sum = 0;
      for (int i = 0; i < n; ++i) {
        std::string label = "x";
        AWAIT(awaitc::sleep(0));
        sum += static_cast<int>(label.size());
      }
      for (int j = 0; j < n; ++j)
        sum += j;
      return sum;
    }
  )",
             "f");
  ASSERT_TRUE(A.ok());
  EXPECT_TRUE(A.hoisted("sum"));
  EXPECT_TRUE(A.hoisted("i"));
  EXPECT_TRUE(A.hoisted("label"));
  EXPECT_FALSE(A.hoisted("j"));
}

TEST(Hoisting, StaticsAndConstantsStayWhereTheyAre) {
  Analysed A(R"(
    AWAITC_ASYNC awaitc::Coro<int> f() {
      static int calls = 0;
      constexpr int step = 2;
      int local = 1;
      AWAIT(awaitc::sleep(0));
      return calls + step + local;
    }
  )",
             "f");
  ASSERT_TRUE(A.ok());
  EXPECT_FALSE(A.hoisted("calls"));
  EXPECT_FALSE(A.hoisted("step"));
  EXPECT_TRUE(A.hoisted("local"));
}

TEST(Suspension, EveryStatementThatHoldsAMarkerSuspends) {
  Analysed A(R"(
    AWAITC_ASYNC awaitc::Coro<int> f(bool c) {
      int a = 1;
      if (c)
        a += AWAIT(one()) + AWAIT(one());
      return a;
    }
  )",
             "f");
  ASSERT_TRUE(A.ok());
  awaitc::BodyAnalysis &B = A.analysis();
  EXPECT_EQ(B.markers().size(), 2u);
  EXPECT_EQ(B.countMarkers(B.body()), 2u);
  EXPECT_TRUE(B.suspends(B.body()));
  const auto *Body = cast<CompoundStmt>(B.body());
  const Stmt *Decl = Body->body_front();
  const auto *If = cast<IfStmt>(Body->body_begin()[1]);
  EXPECT_FALSE(B.suspends(Decl));
  EXPECT_TRUE(B.suspends(If));
  EXPECT_FALSE(B.suspends(If->getCond()));
  EXPECT_EQ(B.countMarkers(If->getThen()), 2u);
  EXPECT_FALSE(B.suspends(Body->body_back()));
  // Each marker is within the statement that holds it, not the other way.
  EXPECT_TRUE(B.isWithin(B.markers().front(), If));
  EXPECT_FALSE(B.isWithin(If, B.markers().front()));
}

TEST(Names, FrameMembersNeverCaptureAUsersName) {
  Analysed A(R"(
    AWAITC_ASYNC awaitc::Coro<int> f() {
      int x = 1;
      int x_2 = 2;
      AWAIT(awaitc::sleep(0));
      { int x = 3; AWAIT(awaitc::sleep(0)); x_2 += x; }
      return x + x_2;
    }
  )",
             "f");
  ASSERT_TRUE(A.ok());
  std::vector<const VarDecl *> Xs = A.everywhere("x");
  ASSERT_EQ(Xs.size(), 2u);
  awaitc::BodyAnalysis &B = A.analysis();
  ASSERT_TRUE(B.isHoisted(Xs[0]) && B.isHoisted(Xs[1]));
  // A name that means one local everywhere stays; two locals named x are
  // two members, with names no token of the function spells.
  EXPECT_EQ(B.memberName(A.local("x_2")), "x_2");
  for (const VarDecl *X : Xs)
    for (llvm::StringRef Spelled : {"x", "x_2", "f"})
      EXPECT_NE(B.memberName(X), Spelled);
  EXPECT_NE(B.memberName(Xs[0]), B.memberName(Xs[1]));
  EXPECT_NE(B.names().fresh("x"), "x");
}

TEST(MovedLambdas, EachSaysWhyItMovesWhatItUsesAndWhatStopsIt) {
  Analysed A(R"(
    AWAITC_ASYNC awaitc::Coro<int> f(int p) {
      int kept = p;
      int now = [&] { return kept; }();       // reaches kept through the frame
      auto lives = [kept] { return kept; };   // its closure lives in the frame
      static int calls = 0;
      int copied = [kept] { return kept + calls; }();  // copies a frame local
      AWAIT(awaitc::sleep(0));
      return now + lives() + copied;
    }
  )",
             "f");
  ASSERT_TRUE(A.ok());
  const std::vector<awaitc::LambdaUses> &Moved = A.analysis().movedLambdas();
  ASSERT_EQ(Moved.size(), 2u);
  using Reason = awaitc::LambdaUses::Reason;
  using Obstacle = awaitc::LambdaUses::Obstacle;
  EXPECT_EQ(Moved[0].Why, Reason::LivesInFrame);
  ASSERT_EQ(Moved[0].Locals.size(), 1u);
  EXPECT_EQ(Moved[0].Locals[0], A.local("kept"));
  EXPECT_EQ(Moved[0].Blocker, Obstacle::None);
  EXPECT_EQ(Moved[1].Why, Reason::CapturesFrameLocal);
  // A factory outside the function body could not see the static local.
  EXPECT_EQ(Moved[1].Blocker, Obstacle::StaticLocal);
  EXPECT_EQ(Moved[1].BlockerName, "calls");
}

TEST(Instantiations, AskedOfEveryInstantiationSeen) {
  Analysed A(R"(
    template <class T> AWAITC_ASYNC awaitc::Coro<int> f(T v) {
      const auto &r = v + 1;   // a temporary for int, none for a string&
      AWAIT(awaitc::sleep(0));
      return static_cast<int>(sizeof r);
    }
    int use() {
      (void)f(1);
      (void)f(2L);
      return 0;
    }
  )",
             "f");
  ASSERT_TRUE(A.ok());
  const FunctionDecl &Fn = *A.analysis().function().Function;
  EXPECT_EQ(awaitc::instantiationsOf(Fn).size(), 2u);
  const VarDecl *R = A.local("r");
  EXPECT_EQ(awaitc::instantiatedVars(Fn, R).size(), 2u);
  EXPECT_TRUE(awaitc::extendsInInstantiation(Fn, R));
  EXPECT_TRUE(awaitc::bindsWholeValue(Fn, R, R->getInit()));
}

TEST(Instantiations, AReferenceToAnLvalueExtendsNothing) {
  Analysed A(R"(
    template <class T> AWAITC_ASYNC awaitc::Coro<int> f(T v) {
      const auto &r = v;
      AWAIT(awaitc::sleep(0));
      return static_cast<int>(sizeof r);
    }
    int use() { (void)f(1); return 0; }
  )",
             "f");
  ASSERT_TRUE(A.ok());
  const FunctionDecl &Fn = *A.analysis().function().Function;
  EXPECT_FALSE(awaitc::extendsInInstantiation(Fn, A.local("r")));
}

TEST(Conversions, CopyInitializationIsDirectUnlessAConstructorIsExplicit) {
  Analysed A(R"(
    struct Open { Open(int) {} };
    struct Closed { explicit Closed(int) {} Closed(long) {} };
    AWAITC_ASYNC awaitc::Coro<int> f() {
      Open o = 1;
      Closed c = 1L;
      int i = 2;
      AWAIT(awaitc::sleep(0));
      return i;
    }
  )",
             "f");
  ASSERT_TRUE(A.ok());
  for (auto [Name, Direct] :
       {std::pair{"o", true}, std::pair{"c", false}, std::pair{"i", true}}) {
    const VarDecl *VD = A.local(Name);
    EXPECT_EQ(awaitc::copyInitIsDirect(VD->getType(), VD->getInit()), Direct)
        << Name;
  }
}

TEST(TypeSpelling, PlaceholdersAreSpelledByDeductionRules) {
  Analysed A(R"(
    template <class T> AWAITC_ASYNC awaitc::Coro<int> f(T v) {
      auto a = v;
      const auto &b = v;
      auto &&c = v;
      auto *const d = &v;
      decltype(auto) e = v;
      AWAIT(awaitc::sleep(0));
      return 0;
    }
  )",
             "f");
  ASSERT_TRUE(A.ok());
  auto Spell = [&](llvm::StringRef Name, bool Pointee = false) {
    std::string Init = Name == "d" ? "&v" : "v";
    return awaitc::deducedTypeText(A.local(Name)->getType(), Init, Pointee)
        .value_or("<none>");
  };
  EXPECT_EQ(Spell("a"), "std::decay_t<decltype((v))>");
  EXPECT_EQ(Spell("b"), "const std::remove_reference_t<decltype((v))> &");
  EXPECT_EQ(Spell("c"), "decltype((v)) &&");
  EXPECT_EQ(Spell("d"), "std::decay_t<decltype((&v))> const");
  EXPECT_EQ(Spell("e"), "decltype(v)");
  EXPECT_EQ(Spell("e", /*Pointee=*/true),
            "std::remove_reference_t<decltype(v)>");
  EXPECT_TRUE(awaitc::isDependentDecltypeAuto(A.local("e")->getType()));
  EXPECT_FALSE(awaitc::isWrittenType(A.local("a")));
}

/// What checkBody() says of the annotated function `f` of \p Code: its
/// first error, or "" when it accepts it.
std::string refusal(const std::string &Code) {
  Analysed A(Code, "f");
  EXPECT_TRUE(A.ok()) << Code;
  if (!A.ok())
    return "(does not parse)";
  // The unit's own consumer has finished with its source file.
  auto *Errors = new clang::TextDiagnosticBuffer;
  A.context().getDiagnostics().setClient(Errors, /*ShouldOwnClient=*/true);
  bool Accepted = awaitc::checkBody(A.analysis(), A.diagnoser());
  if (Accepted != (Errors->err_begin() == Errors->err_end()))
    return "(accepted with an error, or refused without one)";
  return Accepted ? "" : Errors->err_begin()->second;
}

TEST(Legality, RefusesWhatNoFrameCanHoldAndNotItsNeighbours) {
  // Each refused function beside the nearest one that is fine.
  EXPECT_EQ(refusal(R"(
    template <class T> AWAITC_ASYNC awaitc::Coro<int> f() {
      if constexpr (sizeof(T) > 1) return AWAIT(one());
      return 0;
    })"),
            "AWAIT or YIELD inside 'if constexpr' is not supported");
  EXPECT_EQ(refusal(R"(
    template <class T> AWAITC_ASYNC awaitc::Coro<int> f() {
      if constexpr (sizeof(T) > 1) return 2;
      if (sizeof(T) > 1) return AWAIT(one());
      return 0;
    })"),
            "");
  EXPECT_EQ(refusal(R"(
    AWAITC_ASYNC awaitc::Coro<int> f(int n) {
      switch (n) case 1: return AWAIT(one());
      return 0;
    })"),
            "a switch that suspends must have a braced body");
  EXPECT_EQ(refusal(R"(
    AWAITC_ASYNC awaitc::Coro<int> f(int n) {
      switch (n) { case 1: return AWAIT(one()); }
      return 0;
    })"),
            "");
  EXPECT_EQ(refusal(R"(
    AWAITC_ASYNC awaitc::Coro<int> f(int n) { return n ?: AWAIT(one()); })"),
            "AWAIT in a GNU '?:' without a middle operand is not supported");
  EXPECT_EQ(refusal(R"(
    AWAITC_ASYNC awaitc::Coro<int> f(int n) {
      return (n ?: 2) + (n ? n : AWAIT(one()));
    })"),
            "");
  EXPECT_EQ(refusal(R"(
    AWAITC_ASYNC awaitc::Coro<int> f() {
      try { throw 1; } catch (int e) { return e + AWAIT(one()); }
    })"),
            "catch the exception by reference in a handler that suspends; a "
            "copy caught by value would be made again at each resumption");
  EXPECT_EQ(refusal(R"(
    AWAITC_ASYNC awaitc::Coro<int> f() {
      try { throw 1; } catch (int e) { return e; }
      try { throw 1; } catch (const int &e) { return e + AWAIT(one()); }
    })"),
            "");
  EXPECT_EQ(refusal(R"(
    int x;
    AWAITC_GENERATOR awaitc::Generator<int &> f() { YIELD(x); })"),
            "generators of references are not supported yet; yield values "
            "or pointers");
  EXPECT_EQ(refusal(R"(
    int x;
    AWAITC_GENERATOR awaitc::Generator<int *> f() { YIELD(&x); })"),
            "");
  EXPECT_EQ(refusal(R"(
    template <class... A, class... B>
    AWAITC_ASYNC awaitc::Coro<int> f(A... a, B... b) { return AWAIT(one()); })"),
            "awaitc supports one function parameter pack, not several");
  EXPECT_EQ(refusal(R"(
    template <class... A>
    AWAITC_ASYNC awaitc::Coro<int> f(int, A... a) { return AWAIT(one()); })"),
            "");
}

} // namespace
