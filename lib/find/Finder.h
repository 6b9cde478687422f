//===- Finder.h - Stage 1: find the annotated functions -------------------===//
//
// Walks the main file's declarations, returns each annotated function
// definition to transform, and diagnoses every misplaced annotation and
// marker (a marker outside an annotated body, in a lambda or local class, in
// an unevaluated operand or a default argument, YIELD in an async function,
// AWAIT in a generator...).
//
//===----------------------------------------------------------------------===//
#ifndef AWAITC_TOOL_FINDER_H
#define AWAITC_TOOL_FINDER_H

#include "find/Annotations.h"
#include "support/Diagnostics.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"

#include <vector>

namespace awaitc {

struct AnnotatedFunction {
  const clang::FunctionDecl *Function = nullptr;
  CoroutineKind Kind = CoroutineKind::None;
  /// T of Coro<T> / Generator<T> / AsyncGenerator<T>.
  clang::QualType ResultType;
  /// For an annotated lambda, the lambda (Function is its call operator).
  const clang::LambdaExpr *Lambda = nullptr;
  /// The lambda stands in another annotated function's body, whose
  /// lowering takes this one's model in (see LambdaUses.h).
  bool Nested = false;

  /// The whole definition as written: the function, or the lambda.
  clang::SourceRange sourceRange() const;
};

/// The annotated function definitions of the main file, in source order,
/// except that an annotated lambda comes before the function it is in.
/// Problems are reported through \p Diag; callers check Diag.hasErrors().
std::vector<AnnotatedFunction> findAnnotatedFunctions(clang::ASTContext &Ctx,
                                                      Diagnoser &Diag);

} // namespace awaitc

#endif
