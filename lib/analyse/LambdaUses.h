//===- LambdaUses.h - Lambdas that must leave step(), and what they use ---===//
//
// Inside awaitc_step() a lambda can stay as written only while it reaches
// frame locals through the frame's `this` (an implicit [&] capture). Two
// kinds of lambda cannot:
//  - one whose closure object lives in the frame (`auto f = [..]{..};`
//    with a suspension in f's scope): the frame class must name the
//    closure type, which C++17 can only do as the decltype of a call;
//  - one that copies a frame local, names it in its capture list or in an
//    init-capture: a frame member cannot be captured by name.
// The lowering moves such a lambda into a *factory*, a captureless generic
// lambda defined before the frame class, which receives by reference every
// local of the annotated function that the lambda uses, under the user's
// names, and returns the user's lambda (see docs/design.md, "Lambdas").
// This unit decides which lambdas move and what each one uses.
//
//===----------------------------------------------------------------------===//
#ifndef AWAITC_TOOL_LAMBDAUSES_H
#define AWAITC_TOOL_LAMBDAUSES_H

#include "analyse/Analysis.h"
#include "support/Diagnostics.h"

#include "clang/AST/ExprCXX.h"

#include <string>
#include <vector>

namespace awaitc {

struct LambdaUses {
  const clang::LambdaExpr *Lambda = nullptr;
  /// Locals and parameters of the enclosing function that the lambda (or
  /// a lambda nested in it) captures or uses in an init-capture, in order
  /// of first use.
  std::vector<const clang::VarDecl *> Locals;
  /// Why it moves.
  enum class Reason {
    /// It copies a frame local or names one in its captures.
    CapturesFrameLocal,
    /// Its closure lives in the frame, whose class names the closure type.
    LivesInFrame,
    /// In a template, it is in a marker's operand or a frame local's
    /// initializer, whose type the frame names with decltype (which may not
    /// hold a lambda in C++17).
    InNamedType,
  };
  Reason Why = Reason::CapturesFrameLocal;
  /// Whether it captures `this` of a member function, or uses it in an
  /// init-capture.
  bool UsesThis = false;
  /// The first thing the lambda uses that a factory outside step() could
  /// not see, if any.
  enum class Obstacle {
    None,
    StructuredBinding,
    LocalEnumerator,
    LocalType,
    StaticLocal,
    ConstexprLocal,
    UncapturedLocal,
    /// A local named in decltype (a reference parameter in the factory).
    NameInDecltype,
    /// A capture of `*this`.
    ObjectCopy,
  };
  Obstacle Blocker = Obstacle::None;
  clang::SourceLocation BlockerLoc;
  /// The binding, enumerator, type or local.
  std::string BlockerName;
};

/// The outermost lambdas of the annotated body that must become factories
/// (see above), with what each uses, in source order.
std::vector<LambdaUses> findMovedLambdas(const BodyAnalysis &A);

/// What \p Lambda takes from \p Enclosing.
LambdaUses findLambdaUses(const clang::LambdaExpr &Lambda,
                          const AnnotatedFunction &Enclosing);

/// Whether \p Uses's lambda can move into a factory: it uses nothing a
/// factory could not see, not the function's parameter pack, and not `this`
/// if it is annotated itself. False after diagnosing why not.
bool checkMovable(const LambdaUses &Uses, Diagnoser &Diag);

} // namespace awaitc

#endif
