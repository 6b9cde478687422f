//===- Annotations.h - What the awaitc dialect looks like in the AST ------===//
//
// The dialect header (runtime/include/awaitc/awaitc.h) expands AWAITC_ASYNC
// and AWAITC_GENERATOR to `annotate` attributes and the markers to calls of
// awaitc::markers::await_ / yield_ / await_each_. This file recognises them.
//
//===----------------------------------------------------------------------===//
#ifndef AWAITC_TOOL_ANNOTATIONS_H
#define AWAITC_TOOL_ANNOTATIONS_H

#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

namespace awaitc {

/// AsyncGenerator: an AWAITC_ASYNC function returning
/// awaitc::AsyncGenerator<T> (it may AWAIT and YIELD).
enum class CoroutineKind { None, Async, Generator, AsyncGenerator };

/// The annotation on \p FD, if any.
CoroutineKind annotationOf(const clang::FunctionDecl &FD);

/// The AWAITC_ASYNC or AWAITC_GENERATOR attribute of \p FD, if any.
const clang::AnnotateAttr *annotationAttr(const clang::FunctionDecl &FD);

/// The source location of the annotation on \p FD (invalid if none).
clang::SourceLocation annotationLoc(const clang::FunctionDecl &FD);

/// "AWAITC_ASYNC" or "AWAITC_GENERATOR", as the user writes it.
const char *annotationName(CoroutineKind Kind);

enum class MarkerKind { None, Await, Yield, AwaitEach };

/// Whether \p Call is an AWAIT, YIELD or AWAIT_EACH marker.
MarkerKind markerKindOf(const clang::CallExpr &Call);

/// \p E as a marker call, looking through parentheses; null otherwise.
const clang::CallExpr *asMarker(const clang::Expr *E);

const char *markerName(MarkerKind Kind);

/// The YIELD marker of \p S if \p S is a YIELD statement: `YIELD(x)`
/// expands to `return awaitc::markers::yield_(x)`, so that the untransformed
/// source checks x against the generator's value type; null otherwise.
const clang::CallExpr *yieldOf(const clang::Stmt *S);

/// The return type an annotated function must have: awaitc::Coro<T> for
/// Async, awaitc::Generator<T> for Generator, awaitc::AsyncGenerator<T> for
/// AsyncGenerator. Returns the template argument
/// T, or a null type if \p ReturnType is not of that form.
clang::QualType coroutineResultType(clang::QualType ReturnType,
                                    CoroutineKind Kind);

} // namespace awaitc

#endif
